using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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

    /// <summary>One document and the "\n" every file of ours ends with.</summary>
    public static void Document<T>(Stream stream, T value, JsonTypeInfo<T> type)
    {
        JsonSerializer.Serialize(stream, value, type);
        stream.WriteByte((byte)'\n');
    }

    /// <summary><see cref="Document{T}"/> as a whole file, written atomically.</summary>
    public static void WriteFile<T>(string path, T value, JsonTypeInfo<T> type) => AtomicFile.Write(path, stream => Document(stream, value, type));
}
