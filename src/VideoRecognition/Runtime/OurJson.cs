using System.Text.Json;

namespace VideoRecognition.Runtime;

/// <summary>
/// The conventions of the JSON formats that are ours: snake_case keys, "\n" line ends whatever the platform,
/// and a reader that refuses a missing key or a null where the record has no null, as the hand-written
/// readers did. Pass to a source-generated context's constructor.
/// </summary>
internal static class OurJson
{
    public static JsonSerializerOptions Options(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = indented,
        NewLine = "\n",
    };
}
