using System.Text.Json;
using System.Text.Json.Serialization;
using VideoRecognition.Runtime;

namespace VideoRecognition.Pipeline;

/// <summary>
/// study.json and each seed's study-seed.json (and the corrections study's files): snake_case keys, undefined numbers (a std over one seed) as
/// null, written atomically so an interrupted study never leaves a half-written file that looks finished.
/// </summary>
public static class StudyJson
{
    public static void Write(StudyResult result, string path) =>
        OurJson.WriteFile(path, result, StudyJsonContext.Default.StudyResult);

    public static void Write(StudySeedResult result, string path) =>
        OurJson.WriteFile(path, result, StudyJsonContext.Default.StudySeedResult);

    public static void Write(CorrectionStudyResult result, string path) =>
        OurJson.WriteFile(path, result, StudyJsonContext.Default.CorrectionStudyResult);

    public static void Write(CorrectionCell cell, string path) =>
        OurJson.WriteFile(path, cell, StudyJsonContext.Default.CorrectionCell);

    public static CorrectionCell ReadCell(string path) => Read(path, StudyJsonContext.Default.CorrectionCell);

    public static StudyResult ReadStudy(string path) => Read(path, StudyJsonContext.Default.StudyResult);

    public static StudySeedResult ReadSeed(string path) => Read(path, StudyJsonContext.Default.StudySeedResult);

    private static T Read<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, type) ?? throw new BadInputException($"{path} holds no study result");
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{path} is not a readable study result ({OurJson.Reason(e)}); delete it to run that seed (or cell) again", e);
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(StudyResult))]
[JsonSerializable(typeof(StudySeedResult))]
[JsonSerializable(typeof(CorrectionStudyResult))]
[JsonSerializable(typeof(CorrectionCell))]
internal sealed partial class StudyJsonContext : JsonSerializerContext;
