using System.Text.Json;
using VideoRecognition.Model;
using VideoRecognition.Runtime;

namespace VideoRecognition.Training;

/// <summary>
/// A person's mark on one segment: what it shows (FG, IBG or NBG) and, for FG, the class. Segments is how many
/// segments the video was cut into when marked (the report's grid); Start and End are its seconds.
/// </summary>
public sealed record SegmentMark(string Video, int Segment, int Segments, double Start, double End, PseudoLabel Kind, string? Class);

/// <summary>
/// A corrections file, as the report's "Save corrections" button writes it:
/// <c>{"format": "vrec-corrections", "version": 1, "marks": [{"video", "segment", "segments", "start", "end", "kind", "class"}]}</c>.
/// Training takes the marks as known labels in place of the pseudo-labels (<see cref="Known"/>).
/// </summary>
public sealed class SegmentCorrections
{
    public const string Format = "vrec-corrections";

    private readonly Dictionary<string, List<SegmentMark>> byVideo;

    public SegmentCorrections(IEnumerable<SegmentMark> marks, string source)
    {
        Source = source;
        byVideo = marks.GroupBy(m => m.Video, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Segment).ToList(), StringComparer.Ordinal);
    }

    public string Source { get; }

    public int Count => byVideo.Values.Sum(v => v.Count);

    public IReadOnlyList<SegmentMark> Of(string video) => byVideo.TryGetValue(video, out var marks) ? marks : [];

    public IEnumerable<SegmentMark> All => byVideo.Values.SelectMany(v => v);

    /// <summary>
    /// The known label of each of the video's <paramref name="segments"/> segments (0 where unmarked). A mark made on
    /// another segment grid lands on the segment holding its centre. An FG mark of a class other than the
    /// video's label says the segment is not the labelled action, so for this video it is IBG.
    /// </summary>
    public long[] Known(string video, int segments, string videoLabel)
    {
        var known = new long[segments];
        foreach (SegmentMark mark in Of(video))
        {
            int t = mark.Segments == segments
                ? mark.Segment
                : Math.Clamp((int)Math.Floor((mark.Segment + 0.5) * segments / mark.Segments), 0, segments - 1);
            PseudoLabel kind = mark.Kind == PseudoLabel.Fg && mark.Class is not null && mark.Class != videoLabel ? PseudoLabel.Ibg : mark.Kind;
            known[t] = (long)kind;
        }

        return known;
    }

    public static SegmentCorrections Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"corrections file '{path}' does not exist");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != Format
                || !root.TryGetProperty("marks", out var marks) || marks.ValueKind != JsonValueKind.Array)
            {
                throw new BadInputException($"{path} is not a corrections file (expected {{\"format\": \"{Format}\", \"marks\": [...]}}, as the report's Save corrections writes)");
            }

            var list = new List<SegmentMark>();
            int item = 0;
            foreach (JsonElement m in marks.EnumerateArray())
            {
                item++;
                string kind = m.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : "";
                PseudoLabel label = kind.ToUpperInvariant() switch
                {
                    "FG" => PseudoLabel.Fg,
                    "IBG" => PseudoLabel.Ibg,
                    "NBG" => PseudoLabel.Nbg,
                    _ => throw new BadInputException($"{path}, mark {item}: kind must be FG, IBG or NBG; got '{kind}'"),
                };
                string video = m.TryGetProperty("video", out var v) && v.GetString() is { Length: > 0 } id ? id : throw new BadInputException($"{path}, mark {item}: \"video\" is missing");
                int segment = m.TryGetProperty("segment", out var s) && s.TryGetInt32(out int si) && si >= 0 ? si : throw new BadInputException($"{path}, mark {item}: \"segment\" must be a segment index from 0");
                int segments = m.TryGetProperty("segments", out var n) && n.TryGetInt32(out int ni) && ni > segment ? ni : throw new BadInputException($"{path}, mark {item}: \"segments\" must be the segment count (more than the index)");
                double start = m.TryGetProperty("start", out var a) && a.TryGetDouble(out double ad) ? ad : 0;
                double end = m.TryGetProperty("end", out var b) && b.TryGetDouble(out double bd) ? bd : 0;
                string? cls = m.TryGetProperty("class", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                list.Add(new SegmentMark(video, segment, segments, start, end, label, label == PseudoLabel.Fg ? cls : null));
            }

            return new SegmentCorrections(list, path);
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{path} is not valid JSON: {OurJson.Reason(e)}");
        }
    }

    /// <summary>Writes marks in the same format the report saves (used by the simulated-corrections measurement).</summary>
    public static void Write(string path, IEnumerable<SegmentMark> marks) =>
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("version", 1);
            json.WriteStartArray("marks");
            foreach (SegmentMark m in marks.OrderBy(m => m.Video, StringComparer.Ordinal).ThenBy(m => m.Segment))
            {
                json.WriteStartObject();
                json.WriteString("video", m.Video);
                json.WriteNumber("segment", m.Segment);
                json.WriteNumber("segments", m.Segments);
                json.WriteNumber("start", m.Start);
                json.WriteNumber("end", m.End);
                json.WriteString("kind", m.Kind.ToString().ToUpperInvariant());
                if (m.Class is null)
                {
                    json.WriteNull("class");
                }
                else
                {
                    json.WriteString("class", m.Class);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
}
