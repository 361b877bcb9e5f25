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

    /// <summary>
    /// What is wrong with a JSON file, in the file's terms: the keys it lacks, or where (key path, line and
    /// position counted from 1) a value is malformed or of the wrong kind. System.Text.Json's own message names
    /// our .NET types and counts from 0, which tells a user nothing about their file.
    /// </summary>
    public static string Reason(JsonException e)
    {
        const string Missing = "missing required properties including: ";
        int missing = e.Message.IndexOf(Missing, StringComparison.Ordinal);
        if (missing >= 0)
        {
            return "missing " + e.Message[(missing + Missing.Length)..].TrimEnd('.');
        }

        string what = e.Message.Split([" Path:", " LineNumber:"], StringSplitOptions.None)[0].TrimEnd('.');
        if (what.Contains("could not be converted to", StringComparison.Ordinal) || what.Contains("VideoRecognition.", StringComparison.Ordinal))
        {
            what = "a value of the wrong kind";
        }

        string key = e.Path is { Length: > 1 } path ? $" at {path}" : "";
        string place = e.LineNumber is { } line ? $" (line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1})" : "";
        return what + key + place;
    }

    /// <summary>A JSON value's kind as a message names it.</summary>
    public static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "list",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary><see cref="Document{T}"/> as a whole file, written atomically.</summary>
    public static void WriteFile<T>(string path, T value, JsonTypeInfo<T> type) => AtomicFile.Write(path, stream => Document(stream, value, type));
}
