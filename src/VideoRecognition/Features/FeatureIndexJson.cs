using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using VideoRecognition.Runtime;

namespace VideoRecognition.Features;

/// <summary>
/// The JSON of manifest.json and of each index.jsonl line. Property order is the records' order, so the
/// same store always has the same bytes (a resumed or merged run can be compared with `cmp`).
/// </summary>
internal static class FeatureIndexJson
{
    private const string DType = "float16";
    private const string Layout = "per video: views x segments x feature_dimension, little-endian; view 0 is the test-time view";

    public static byte[] EntryLine(FeatureEntry entry)
    {
        var line = new EntryJson(entry.Id, entry.Label, entry.Subset, entry.Frames, entry.Fps, entry.Duration, entry.Offset, entry.Problem, entry.SegmentSeconds);
        return [.. JsonSerializer.SerializeToUtf8Bytes(line, FeatureJsonContext.Ours.EntryJson), (byte)'\n'];
    }

    /// <summary>Parses one line; null when it is not a whole entry (the torn last line of a killed run).</summary>
    public static FeatureEntry? ParseEntry(ReadOnlySpan<byte> line)
    {
        try
        {
            EntryJson? e = JsonSerializer.Deserialize(line, FeatureJsonContext.Ours.EntryJson);
            return e is null ? null : new FeatureEntry(e.Id, e.Label, e.Subset, e.Frames, e.Fps, e.Duration, e.Offset, e.Problem) { SegmentSeconds = e.SegmentSeconds };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void WriteManifest(FeatureStoreManifest manifest, string path) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(
            stream,
            new ManifestJson(manifest.FormatVersion, manifest.Backbone, manifest.FeatureDimension, manifest.Segments, manifest.Views, manifest.InputSize, manifest.Seed, manifest.Sampling, DType, Layout),
            FeatureManifestJsonContext.Ours.ManifestJson));

    public static FeatureStoreManifest ReadManifest(string path)
    {
        ManifestJson m;
        try
        {
            m = JsonSerializer.Deserialize(File.ReadAllBytes(path), FeatureManifestJsonContext.Ours.ManifestJson)
                ?? throw new JsonException("null instead of an object");
        }
        catch (JsonException ex)
        {
            throw new BadInputException($"{path}: not a feature store manifest ({OurJson.Reason(ex)})");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BadInputException($"{Path.GetDirectoryName(path)}: no feature store here (manifest.json missing); run `vrec extract` first");
        }

        if (m.FormatVersion != FeatureStoreManifest.CurrentFormatVersion)
        {
            throw new BadInputException($"{path}: feature store format {m.FormatVersion}, this vrec reads format {FeatureStoreManifest.CurrentFormatVersion}; extract the features again");
        }

        return new FeatureStoreManifest(m.FormatVersion, m.Backbone, m.FeatureDimension, m.Segments, m.Views, m.InputSize, m.Seed, m.Sampling);
    }

    public static string Describe(FeatureStoreManifest manifest) =>
        new StringBuilder()
            .Append($"backbone {manifest.Backbone} ({manifest.FeatureDimension}-d), {manifest.Segments} segments, ")
            .Append($"{manifest.Views} views, input {manifest.InputSize}, seed {manifest.Seed}, sampling {manifest.Sampling}")
            .ToString();

    // segment_seconds only on a variable-frame-rate video, so constant-rate lines keep the bytes they always had.
    internal sealed record EntryJson(
        string Id,
        string Label,
        string Subset,
        int Frames,
        double Fps,
        double Duration,
        long Offset,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Problem = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double>? SegmentSeconds = null);

    // dtype and layout describe features.f16 for other readers; this one checks only the format version.
    internal sealed record ManifestJson(
        int FormatVersion,
        string Backbone,
        int FeatureDimension,
        int Segments,
        int Views,
        int InputSize,
        int Seed,
        string Sampling,
        [property: JsonPropertyName("dtype")] string DType,
        string Layout);
}

// A line of index.jsonl is one compact object (one video a line).
[JsonSerializable(typeof(FeatureIndexJson.EntryJson))]
internal sealed partial class FeatureJsonContext : JsonSerializerContext
{
    public static readonly FeatureJsonContext Ours = new(OurJson.Options(indented: false));
}

// The manifest is indented: a file one reads.
[JsonSerializable(typeof(FeatureIndexJson.ManifestJson))]
internal sealed partial class FeatureManifestJsonContext : JsonSerializerContext
{
    public static readonly FeatureManifestJsonContext Ours = new(OurJson.Options(indented: true));
}
