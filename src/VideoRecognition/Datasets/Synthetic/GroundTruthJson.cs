using System.Text.Json;
using System.Text.Json.Serialization;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>Reads and writes ground_truth.json; writing is byte-stable (fixed order, invariant numbers).</summary>
public static class GroundTruthJson
{
    public const int FormatVersion = 2;

    public static void Write(GroundTruthFile file, string path) => AtomicFile.Write(path, stream => Write(file, stream));

    public static void Write(GroundTruthFile file, Stream stream)
    {
        var json = new GroundTruthFileJson(FormatVersion, file.Videos.Select(v => new VideoJson(
            v.Id,
            v.Label,
            v.Subset,
            v.Scene,
            v.Fps,
            v.Frames,
            ActivityNetJson.Seconds(v.Duration),
            v.Spans.Select(s => new SpanJson(s.StartFrame, s.EndFrame, ActivityNetJson.Seconds(s.Start), ActivityNetJson.Seconds(s.End), s.Kind.ToString(), s.VisibleClass, s.Shows)).ToList())).ToList());
        OurJson.Document(stream, json, GroundTruthJsonContext.Ours.GroundTruthFileJson);
    }

    public static GroundTruthFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"Ground-truth file '{path}' does not exist.");
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            using JsonDocument document = JsonDocument.Parse(stream);
            // The version first, so an older file is named as such rather than as malformed.
            int version = document.RootElement.TryGetProperty("format_version", out JsonElement v) && v.TryGetInt32(out int n) ? n : 0;
            if (version != FormatVersion)
            {
                throw new BadInputException($"Ground-truth file '{path}' has format_version {version} (an older synthetic benchmark); this version reads {FormatVersion}. Generate the dataset again with `vrec synth`.");
            }

            GroundTruthFileJson json = document.Deserialize(GroundTruthJsonContext.Ours.GroundTruthFileJson) ?? throw new JsonException("null instead of an object");
            return new GroundTruthFile(json.Videos.Select(v => new GroundTruthVideo(
                v.Id,
                v.Label,
                v.Subset,
                v.Scene,
                v.Fps,
                v.Frames,
                v.Duration,
                v.Spans.Select(s => new GroundTruthSpan(s.StartFrame, s.EndFrame, s.Start, s.End, Enum.Parse<SpanKind>(s.Kind), s.VisibleClass, s.Shows)).ToList())).ToList());
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new BadInputException($"Ground-truth file '{path}' is malformed: {(e is JsonException json ? OurJson.Reason(json) : e.Message)}", e);
        }
    }

    /// <summary>The name written for what a span shows: snake_case of <see cref="SpanContent"/> (TitleCard is title_card).</summary>
    public static string ShowsName(SpanContent content) =>
        string.Concat(content.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"_{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    internal sealed record GroundTruthFileJson(int FormatVersion, IReadOnlyList<VideoJson> Videos);

    internal sealed record VideoJson(string Id, string Label, string Subset, string Scene, double Fps, int Frames, double Duration, IReadOnlyList<SpanJson> Spans);

    internal sealed record SpanJson(int StartFrame, int EndFrame, double Start, double End, string Kind, string? VisibleClass, string Shows);
}

[JsonSerializable(typeof(GroundTruthJson.GroundTruthFileJson))]
internal sealed partial class GroundTruthJsonContext : JsonSerializerContext
{
    public static readonly GroundTruthJsonContext Ours = new(OurJson.Options(indented: true));
}
