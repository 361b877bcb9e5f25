using System.Globalization;
using System.Text.Json;
using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>
/// Reads and writes <see cref="ActivityNetFile"/> in the official JSON layout. Writing is byte-stable:
/// taxonomy in the given order, videos by ordinal id, fixed key order, invariant number formatting,
/// so the same content always gives the same bytes.
/// </summary>
public static class ActivityNetJson
{
    /// <summary>Seconds are written with this many decimals (a millisecond, well below a frame).</summary>
    public const int SecondsDecimals = 3;

    public static void Write(ActivityNetFile file, string path) =>
        AtomicFile.Write(path, stream => Write(file, stream));

    public static void Write(ActivityNetFile file, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("version", file.Version);
        json.WriteStartArray("taxonomy");
        foreach (TaxonomyNode node in file.Taxonomy)
        {
            json.WriteStartObject();
            json.WriteNumber("nodeId", node.NodeId);
            json.WriteString("nodeName", node.NodeName);
            if (node.ParentId is int parent)
            {
                json.WriteNumber("parentId", parent);
            }
            else
            {
                json.WriteNull("parentId");
            }

            json.WriteString("parentName", node.ParentName);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("database");
        foreach (string id in file.Database.Keys.Order(StringComparer.Ordinal))
        {
            ActivityNetVideo video = file.Database[id];
            json.WriteStartObject(id);
            json.WriteString("subset", video.Subset);
            json.WriteNumber("duration", Seconds(video.Duration));
            json.WriteString("resolution", video.Resolution);
            json.WriteString("url", video.Url);
            json.WriteStartArray("annotations");
            foreach (ActivityNetAnnotation annotation in video.Annotations)
            {
                json.WriteStartObject();
                json.WriteStartArray("segment");
                json.WriteNumberValue(Seconds(annotation.Start));
                json.WriteNumberValue(Seconds(annotation.End));
                json.WriteEndArray();
                json.WriteString("label", annotation.Label);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Rounds seconds to the written precision; .NET formats doubles shortest-round-trip and culture-free.</summary>
    public static double Seconds(double seconds) => Math.Round(seconds, SecondsDecimals, MidpointRounding.AwayFromZero);

    public static ActivityNetFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"ActivityNet annotation file '{path}' does not exist.");
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            using JsonDocument document = JsonDocument.Parse(stream);
            return Parse(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BadInputException($"ActivityNet annotation file '{path}' is not in the official layout ({{version, taxonomy, database}}): {e.Message}", e);
        }
    }

    private static ActivityNetFile Parse(JsonElement root)
    {
        string version = root.TryGetProperty("version", out JsonElement v) ? VersionText(v) : "";
        List<TaxonomyNode> taxonomy = root.TryGetProperty("taxonomy", out JsonElement nodes) ? ParseTaxonomy(nodes) : [];

        var database = new Dictionary<string, ActivityNetVideo>(StringComparer.Ordinal);
        foreach (JsonProperty entry in root.GetProperty("database").EnumerateObject())
        {
            JsonElement video = entry.Value;
            var annotations = new List<ActivityNetAnnotation>();
            if (video.TryGetProperty("annotations", out JsonElement list))
            {
                foreach (JsonElement annotation in list.EnumerateArray())
                {
                    JsonElement segment = annotation.GetProperty("segment");
                    annotations.Add(new ActivityNetAnnotation(
                        segment[0].GetDouble(), segment[1].GetDouble(), annotation.GetProperty("label").GetString()!));
                }
            }

            database[entry.Name] = new ActivityNetVideo(
                video.GetProperty("subset").GetString()!,
                video.GetProperty("duration").GetDouble(),
                video.TryGetProperty("resolution", out JsonElement r) ? r.GetString() ?? "" : "",
                video.TryGetProperty("url", out JsonElement u) ? u.GetString() ?? "" : "",
                annotations);
        }

        return new ActivityNetFile(version, taxonomy, database);
    }

    /// <summary>The taxonomy list; throws (JSON/key/format exceptions) when a node lacks nodeId or nodeName.</summary>
    internal static List<TaxonomyNode> ParseTaxonomy(JsonElement nodes)
    {
        var taxonomy = new List<TaxonomyNode>();
        foreach (JsonElement node in nodes.EnumerateArray())
        {
            taxonomy.Add(new TaxonomyNode(
                node.GetProperty("nodeId").GetInt32(),
                node.GetProperty("nodeName").GetString()!,
                node.TryGetProperty("parentId", out JsonElement p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null,
                node.TryGetProperty("parentName", out JsonElement pn) && pn.ValueKind == JsonValueKind.String ? pn.GetString() : null));
        }

        return taxonomy;
    }

    // Official files write the version as a string ("VERSION 1.3"); tolerate a number too.
    internal static string VersionText(JsonElement v) =>
        v.ValueKind == JsonValueKind.Number ? v.GetDouble().ToString(CultureInfo.InvariantCulture) : v.GetString() ?? "";
}
