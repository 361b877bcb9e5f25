using System.Text;
using System.Text.Json;
using VideoRecognition.Runtime;

namespace VideoRecognition.Features;

/// <summary>
/// The JSON of manifest.json and of each index.jsonl line. Written with a fixed property order so the
/// same store always has the same bytes (a resumed or merged run can be compared with `cmp`).
/// </summary>
internal static class FeatureIndexJson
{
    public static byte[] EntryLine(FeatureEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", entry.Id);
            json.WriteString("label", entry.Label);
            json.WriteString("subset", entry.Subset);
            json.WriteNumber("frames", entry.Frames);
            json.WriteNumber("fps", entry.Fps);
            json.WriteNumber("duration", entry.Duration);
            json.WriteNumber("offset", entry.Offset);
            if (entry.Problem is not null)
            {
                json.WriteString("problem", entry.Problem);
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Parses one line; null when it is not a whole entry (the torn last line of a killed run).</summary>
    public static FeatureEntry? ParseEntry(ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var e = document.RootElement;
            return new FeatureEntry(
                e.GetProperty("id").GetString()!,
                e.GetProperty("label").GetString()!,
                e.GetProperty("subset").GetString()!,
                e.GetProperty("frames").GetInt32(),
                e.GetProperty("fps").GetDouble(),
                e.GetProperty("duration").GetDouble(),
                e.GetProperty("offset").GetInt64(),
                e.TryGetProperty("problem", out var problem) ? problem.GetString() : null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public static void WriteManifest(FeatureStoreManifest manifest, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteNumber("format_version", manifest.FormatVersion);
            json.WriteString("backbone", manifest.Backbone);
            json.WriteNumber("feature_dimension", manifest.FeatureDimension);
            json.WriteNumber("segments", manifest.Segments);
            json.WriteNumber("views", manifest.Views);
            json.WriteNumber("input_size", manifest.InputSize);
            json.WriteNumber("seed", manifest.Seed);
            json.WriteString("sampling", manifest.Sampling);
            json.WriteString("dtype", "float16");
            json.WriteString("layout", "per video: views x segments x feature_dimension, little-endian; view 0 is the test-time view");
            json.WriteEndObject();
        });

    public static FeatureStoreManifest ReadManifest(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var e = document.RootElement;
            var manifest = new FeatureStoreManifest(
                e.GetProperty("format_version").GetInt32(),
                e.GetProperty("backbone").GetString()!,
                e.GetProperty("feature_dimension").GetInt32(),
                e.GetProperty("segments").GetInt32(),
                e.GetProperty("views").GetInt32(),
                e.GetProperty("input_size").GetInt32(),
                e.GetProperty("seed").GetInt32(),
                e.GetProperty("sampling").GetString()!);
            if (manifest.FormatVersion != FeatureStoreManifest.CurrentFormatVersion)
            {
                throw new BadInputException($"{path}: feature store format {manifest.FormatVersion}, this vrec reads format {FeatureStoreManifest.CurrentFormatVersion}; extract the features again");
            }

            return manifest;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new BadInputException($"{path}: not a feature store manifest ({ex.Message})");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BadInputException($"{Path.GetDirectoryName(path)}: no feature store here (manifest.json missing); run `vrec extract` first");
        }
    }

    public static string Describe(FeatureStoreManifest manifest) =>
        new StringBuilder()
            .Append($"backbone {manifest.Backbone} ({manifest.FeatureDimension}-d), {manifest.Segments} segments, ")
            .Append($"{manifest.Views} views, input {manifest.InputSize}, seed {manifest.Seed}, sampling {manifest.Sampling}")
            .ToString();
}
