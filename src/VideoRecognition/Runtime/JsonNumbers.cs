using System.Text.Json;

namespace VideoRecognition.Runtime;

/// <summary>JSON has no NaN or infinity: our result files write a number that is not finite (not measured) as null.</summary>
internal static class JsonNumbers
{
    public static void WriteFiniteOrNull(this Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
