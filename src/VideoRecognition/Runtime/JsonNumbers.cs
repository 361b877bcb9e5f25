using System.Text.Json;

namespace VideoRecognition.Runtime;

/// <summary>JSON has no NaN or infinity: our result files write a number that is not finite (not measured) as null.</summary>
internal static class JsonNumbers
{
    public static double? FiniteOrNull(this double value) => double.IsFinite(value) ? value : null;

    public static void WriteFiniteOrNull(this Utf8JsonWriter json, string name, double value)
    {
        if (value.FiniteOrNull() is { } finite)
        {
            json.WriteNumber(name, finite);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
