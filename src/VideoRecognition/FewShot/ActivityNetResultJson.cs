using System.Text.Json;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>
/// The official ActivityNet result files, as the challenge's evaluation code reads them (see its sample
/// submissions): {"version": "VERSION 1.3", "results": {"&lt;id&gt;": [...]}, "external_data": {"used", "details"}},
/// ids without the v_ prefix, each result {"label", "score"} for classification and with "segment": [start, end]
/// in seconds of the original video for detection.
/// </summary>
public static class ActivityNetResultJson
{
    public sealed record ExternalData(bool Used, string Details);

    /// <summary>The version the current release's files carry, for results on data whose annotations do not say.</summary>
    public const string CurrentVersion = "VERSION 1.3";

    /// <summary>The version string for results on data annotated as <paramref name="annotationVersion"/> ("VERSION 1.2", or a bare 1.2).</summary>
    public static string VersionFor(string? annotationVersion) =>
        string.IsNullOrWhiteSpace(annotationVersion) ? CurrentVersion
        : annotationVersion.StartsWith("VERSION", StringComparison.OrdinalIgnoreCase) ? annotationVersion
        : $"VERSION {annotationVersion.Trim()}";

    public static void WriteClassification(string path, string version, IReadOnlyList<QueryVideoPrediction> predictions, ExternalData external) =>
        Write(path, version, predictions, external, (json, video) =>
        {
            foreach (ClassScore c in video.Classes)
            {
                json.WriteStartObject();
                json.WriteString("label", c.Label);
                json.WriteNumber("score", c.Score);
                json.WriteEndObject();
            }
        });

    public static void WriteDetection(string path, string version, IReadOnlyList<QueryVideoPrediction> predictions, ExternalData external) =>
        Write(path, version, predictions, external, (json, video) =>
        {
            foreach (DetectedAction d in video.Detections)
            {
                json.WriteStartObject();
                json.WriteString("label", d.Label);
                json.WriteNumber("score", d.Score);
                json.WriteStartArray("segment");
                json.WriteNumberValue(d.Segment.Start);
                json.WriteNumberValue(d.Segment.End);
                json.WriteEndArray();
                json.WriteEndObject();
            }
        });

    private static void Write(string path, string version, IReadOnlyList<QueryVideoPrediction> predictions, ExternalData external, Action<Utf8JsonWriter, QueryVideoPrediction> results) =>
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream);
            json.WriteStartObject();
            json.WriteString("version", version);
            json.WriteStartObject("results");
            foreach (QueryVideoPrediction video in predictions.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                json.WriteStartArray(video.Id);
                results(json, video);
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteStartObject("external_data");
            json.WriteBoolean("used", external.Used);
            json.WriteString("details", external.Details);
            json.WriteEndObject();
            json.WriteEndObject();
        });
}
