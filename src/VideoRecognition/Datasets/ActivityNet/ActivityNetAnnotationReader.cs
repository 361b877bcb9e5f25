using System.Text.Json;
using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>
/// Reads an ActivityNet annotation file in either layout (<see cref="AnnotationLayout"/>, detected from its
/// content) into one <see cref="ActivityNetAnnotations"/>. Defects of single videos or segments are reported
/// and skipped; only a file that is not JSON, or in neither layout, fails as a whole.
/// </summary>
public static class ActivityNetAnnotationReader
{
    public static ActivityNetAnnotations Read(string path, AnnotationReadOptions? options = null)
    {
        options ??= new AnnotationReadOptions();
        using JsonDocument document = ParseJson(path);
        JsonElement root = document.RootElement;
        var problems = new AnnotationProblems(options.MaxMessages);
        return Detect(path, root) switch
        {
            AnnotationLayout.Official => ReadOfficial(path, root, options, problems),
            _ => ReadProposal(path, root, options, problems),
        };
    }

    private static JsonDocument ParseJson(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"ActivityNet annotation file '{path}' does not exist.");
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and bytes from 0 and repeats them in its message; say them once, from 1.
            string reason = e.Message.Split(" LineNumber:")[0];
            throw new BadInputException(
                $"ActivityNet annotation file '{path}' is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {reason}", e);
        }
    }

    private static AnnotationLayout Detect(string path, JsonElement root)
    {
        const string Expected = "expected the official layout {version, taxonomy, database: {id: {subset, duration, annotations}}} "
            + "or the proposal layout {v_id: {duration_second, duration_frame, annotations, feature_frame}}";
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new BadInputException($"ActivityNet annotation file '{path}' holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object; {Expected}.");
        }

        if (root.TryGetProperty("database", out JsonElement database))
        {
            return database.ValueKind == JsonValueKind.Object
                ? AnnotationLayout.Official
                : throw new BadInputException($"ActivityNet annotation file '{path}': 'database' is not an object of videos; {Expected}.");
        }

        // One recognisable entry is enough: the rest may be defective and are then reported one by one.
        if (root.EnumerateObject().Any(e => e.Value.ValueKind == JsonValueKind.Object
                && (e.Value.TryGetProperty("duration_second", out _) || e.Value.TryGetProperty("annotations", out _))))
        {
            return AnnotationLayout.Proposal;
        }

        string keys = string.Join(", ", root.EnumerateObject().Take(5).Select(e => $"'{e.Name}'"));
        throw new BadInputException(
            $"ActivityNet annotation file '{path}' is in neither layout (top-level keys: {(keys.Length == 0 ? "none" : keys)}); {Expected}.");
    }

    private static ActivityNetAnnotations ReadOfficial(string path, JsonElement root, AnnotationReadOptions options, AnnotationProblems problems)
    {
        string? version = root.TryGetProperty("version", out JsonElement v) ? ActivityNetJson.VersionText(v) : null;
        IReadOnlyList<string> leaves = [];
        if (root.TryGetProperty("taxonomy", out JsonElement taxonomy) && taxonomy.ValueKind == JsonValueKind.Array)
        {
            try
            {
                leaves = TaxonomyNode.LeafNames(ActivityNetJson.ParseTaxonomy(taxonomy));
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new BadInputException($"ActivityNet annotation file '{path}': the taxonomy has a node without a whole-number nodeId or a nodeName ({e.Message}).", e);
            }
        }

        IReadOnlySet<string>? classes = ClassSet(options.Classes ?? (leaves.Count > 0 ? leaves : null));
        var entries = new AnnotationEntries(problems, classes, options.ClampTolerance);
        var videos = new List<AnnotatedVideo>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        int read = 0;
        foreach (JsonProperty entry in root.GetProperty("database").EnumerateObject())
        {
            read++;
            // Official ids are the bare YouTube ids, and some of those begin with "v_" themselves.
            string id = entry.Name;
            JsonElement video = entry.Value;
            if (!FirstOfId(seen, id, entry.Name, problems))
            {
                continue;
            }

            if (video.ValueKind != JsonValueKind.Object)
            {
                problems.Add(AnnotationIssue.MissingField, id, $"video '{id}': expected an object {{subset, duration, annotations}}; video dropped");
                continue;
            }

            if (!entries.TryField(video, id, "subset", JsonValueKind.String, out JsonElement subset)
                || !entries.TryDuration(video, id, "duration", out double duration)
                || !entries.TryField(video, id, "annotations", JsonValueKind.Array, out JsonElement annotations))
            {
                continue;
            }

            (List<ActivityNetAnnotation> segments, List<string> labels) = entries.Segments(id, duration, annotations);
            videos.Add(new AnnotatedVideo(id, subset.GetString(), duration, null, null, segments, labels));
        }

        return Result(path, AnnotationLayout.Official, version, classes, entries, videos, read, problems);
    }

    private static ActivityNetAnnotations ReadProposal(string path, JsonElement root, AnnotationReadOptions options, AnnotationProblems problems)
    {
        IReadOnlyDictionary<string, VideoInfo>? info = options.VideoInfoPath is { } csv ? VideoInfoCsv.Read(csv, problems) : null;
        IReadOnlySet<string>? classes = ClassSet(options.Classes);
        var entries = new AnnotationEntries(problems, classes, options.ClampTolerance);
        var videos = new List<AnnotatedVideo>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        int read = 0;
        foreach (JsonProperty entry in root.EnumerateObject())
        {
            read++;
            string id = AnnotatedVideo.StripPrefix(entry.Name);
            JsonElement video = entry.Value;
            if (!FirstOfId(seen, id, entry.Name, problems))
            {
                continue;
            }

            if (video.ValueKind != JsonValueKind.Object)
            {
                problems.Add(AnnotationIssue.MissingField, id, $"video '{id}': expected an object {{duration_second, annotations}}; video dropped");
                continue;
            }

            if (!entries.TryDuration(video, id, "duration_second", out double duration)
                || !entries.TryField(video, id, "annotations", JsonValueKind.Array, out JsonElement annotations))
            {
                continue;
            }

            int? frames = entries.OptionalCount(video, id, "duration_frame");
            VideoInfo? row = null;
            if (info is not null && !info.TryGetValue(id, out row))
            {
                problems.Add(AnnotationIssue.NoVideoInfo, id, $"video '{id}': no row in the video-info CSV '{options.VideoInfoPath}'; kept without subset and fps");
            }

            (List<ActivityNetAnnotation> segments, List<string> labels) = entries.Segments(id, duration, annotations);
            videos.Add(new AnnotatedVideo(id, row?.Subset, duration, row?.Fps, frames ?? row?.Frames, segments, labels));
        }

        return Result(path, AnnotationLayout.Proposal, null, classes, entries, videos, read, problems);
    }

    /// <summary>
    /// False, after reporting it, when <paramref name="id"/> was met before: twice in 'database' (JSON allows
    /// it, the parser keeps both), or as v_x and x in the proposal layout. The first entry is the one kept.
    /// </summary>
    private static bool FirstOfId(Dictionary<string, string> seen, string id, string key, AnnotationProblems problems)
    {
        if (seen.TryGetValue(id, out string? first))
        {
            string how = first == key ? $"'{key}' appears twice" : $"'{key}' and '{first}' are the same id";
            problems.Add(AnnotationIssue.DuplicateId, id, $"video '{id}': listed more than once ({how}); the first entry is kept, this one dropped");
            return false;
        }

        seen[id] = key;
        return true;
    }

    private static IReadOnlySet<string>? ClassSet(IEnumerable<string>? classes) =>
        classes is null ? null : new HashSet<string>(classes, StringComparer.Ordinal);

    private static ActivityNetAnnotations Result(
        string path, AnnotationLayout layout, string? version, IReadOnlySet<string>? classes, AnnotationEntries entries,
        List<AnnotatedVideo> videos, int videosRead, AnnotationProblems problems) =>
        new(path, layout, version,
            (classes ?? entries.LabelsSeen).Order(StringComparer.Ordinal).ToArray(),
            videos.OrderBy(v => v.Id, StringComparer.Ordinal).ToArray(),
            problems.Report(videosRead, videos.Count, entries.SegmentsRead, entries.SegmentsKept));
}
