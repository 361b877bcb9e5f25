using System.Text.Json;
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
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteNumber("format_version", FormatVersion);
        json.WriteStartArray("videos");
        foreach (GroundTruthVideo video in file.Videos)
        {
            json.WriteStartObject();
            json.WriteString("id", video.Id);
            json.WriteString("label", video.Label);
            json.WriteString("subset", video.Subset);
            json.WriteString("scene", video.Scene);
            json.WriteNumber("fps", video.Fps);
            json.WriteNumber("frames", video.Frames);
            json.WriteNumber("duration", ActivityNetJson.Seconds(video.Duration));
            json.WriteStartArray("spans");
            foreach (GroundTruthSpan span in video.Spans)
            {
                json.WriteStartObject();
                json.WriteNumber("start_frame", span.StartFrame);
                json.WriteNumber("end_frame", span.EndFrame);
                json.WriteNumber("start", ActivityNetJson.Seconds(span.Start));
                json.WriteNumber("end", ActivityNetJson.Seconds(span.End));
                json.WriteString("kind", span.Kind.ToString());
                json.WriteString("visible_class", span.VisibleClass);
                json.WriteString("shows", span.Shows);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
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
            int version = document.RootElement.GetProperty("format_version").GetInt32();
            if (version != FormatVersion)
            {
                throw new BadInputException($"Ground-truth file '{path}' has format_version {version} (an older synthetic benchmark); this version reads {FormatVersion}. Generate the dataset again with `vrec synth`.");
            }

            var videos = new List<GroundTruthVideo>();
            foreach (JsonElement video in document.RootElement.GetProperty("videos").EnumerateArray())
            {
                var spans = new List<GroundTruthSpan>();
                foreach (JsonElement span in video.GetProperty("spans").EnumerateArray())
                {
                    spans.Add(new GroundTruthSpan(
                        span.GetProperty("start_frame").GetInt32(),
                        span.GetProperty("end_frame").GetInt32(),
                        span.GetProperty("start").GetDouble(),
                        span.GetProperty("end").GetDouble(),
                        Enum.Parse<SpanKind>(span.GetProperty("kind").GetString()!),
                        span.GetProperty("visible_class").GetString(),
                        span.GetProperty("shows").GetString()!));
                }

                videos.Add(new GroundTruthVideo(
                    video.GetProperty("id").GetString()!,
                    video.GetProperty("label").GetString()!,
                    video.GetProperty("subset").GetString()!,
                    video.GetProperty("scene").GetString()!,
                    video.GetProperty("fps").GetDouble(),
                    video.GetProperty("frames").GetInt32(),
                    video.GetProperty("duration").GetDouble(),
                    spans));
            }

            return new GroundTruthFile(videos);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new BadInputException($"Ground-truth file '{path}' is malformed: {e.Message}", e);
        }
    }

    /// <summary>The name written for what a span shows: snake_case of <see cref="SpanContent"/> (TitleCard is title_card).</summary>
    public static string ShowsName(SpanContent content) =>
        string.Concat(content.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"_{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}
