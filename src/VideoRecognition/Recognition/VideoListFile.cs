using System.Globalization;
using System.Text.Json;
using VideoRecognition.Datasets;
using VideoRecognition.FewShot;
using VideoRecognition.Runtime;

namespace VideoRecognition.Recognition;

/// <summary>
/// Reads a support set or a query list from what a user has at hand:
/// <list type="bullet">
/// <item>a folder with one sub-folder per class (the folder's name is the class) holding video files;</item>
/// <item>a folder of video files (queries without classes);</item>
/// <item>a CSV file of <c>video,class[,start,end]</c> (a header line is optional; a video on several rows has several spans);</item>
/// <item>a JSON array of <c>{"video": ..., "class": ..., "span": [start, end]}</c> or <c>"spans": [[start, end], ...]</c>.</item>
/// </list>
/// Relative video paths are relative to the list file. A video that is not there is still listed: the
/// recognition reports it as a bad file and goes on.
/// </summary>
public static class VideoListFile
{
    public static IReadOnlyList<LabelledVideo> Read(string path, bool classRequired)
    {
        List<LabelledVideo> videos;
        if (Directory.Exists(path))
        {
            videos = FromFolder(path);
        }
        else if (!File.Exists(path))
        {
            throw new BadInputException($"'{path}' is neither a folder of videos nor a CSV or JSON list of them");
        }
        else
        {
            videos = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".csv" => FromCsv(path),
                ".json" => FromJson(path),
                _ => throw new BadInputException($"'{path}': a video list must be a .csv or .json file (or a folder); got '{Path.GetExtension(path)}'"),
            };
        }

        if (videos.Count == 0)
        {
            throw new BadInputException($"'{path}' lists no video (looked for {string.Join(", ", VideoIndex.Extensions)})");
        }

        if (classRequired && videos.FirstOrDefault(v => string.IsNullOrWhiteSpace(v.Class)) is { } unlabelled)
        {
            throw new BadInputException($"'{path}': support video '{unlabelled.Path}' has no class; put it in a folder named after its class, or give the class in the list");
        }

        return Unique(videos);
    }

    private static List<LabelledVideo> FromFolder(string folder)
    {
        var videos = new List<LabelledVideo>();
        foreach (string file in VideoFiles(folder))
        {
            videos.Add(new LabelledVideo(file, null, []));
        }

        foreach (string sub in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            string label = Path.GetFileName(sub);
            videos.AddRange(VideoFiles(sub).Select(f => new LabelledVideo(f, label, [])));
        }

        return videos;
    }

    private static IEnumerable<string> VideoFiles(string folder) =>
        Directory.GetFiles(folder)
            .Where(f => VideoIndex.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);

    private static List<LabelledVideo> FromCsv(string path)
    {
        var rows = new List<(string Video, string? Class, ActionSpan? Span)>();
        string[] lines = File.ReadAllLines(path);
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (n == 0 && line.StartsWith("video", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            string[] cells = line.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            if (cells.Length is not (1 or 2 or 4))
            {
                throw new BadInputException($"{path}, line {n + 1}: expected video,class[,start,end]; got {cells.Length} columns");
            }

            ActionSpan? span = cells.Length == 4 ? Span(path, n + 1, cells[2], cells[3]) : null;
            rows.Add((Resolve(path, cells[0]), cells.Length > 1 && cells[1].Length > 0 ? cells[1] : null, span));
        }

        return rows.GroupBy(r => r.Video, StringComparer.Ordinal)
            .Select(g => new LabelledVideo(g.Key, g.First().Class, g.Where(r => r.Span is not null).Select(r => r.Span!.Value).ToList()))
            .ToList();
    }

    private static List<LabelledVideo> FromJson(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new BadInputException($"{path}: expected a JSON array of {{\"video\", \"class\", \"span\"}} objects");
            }

            var videos = new List<LabelledVideo>();
            int item = 0;
            foreach (JsonElement entry in document.RootElement.EnumerateArray())
            {
                item++;
                string video = entry.TryGetProperty("video", out var v) && v.ValueKind == JsonValueKind.String
                    ? v.GetString()!
                    : throw new BadInputException($"{path}, item {item}: \"video\" (a path) is missing");
                string? label = entry.TryGetProperty("class", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var spans = new List<ActionSpan>();
                if (entry.TryGetProperty("span", out var one))
                {
                    spans.Add(Span(path, item, one));
                }

                if (entry.TryGetProperty("spans", out var many) && many.ValueKind == JsonValueKind.Array)
                {
                    spans.AddRange(many.EnumerateArray().Select(s => Span(path, item, s)));
                }

                videos.Add(new LabelledVideo(Resolve(path, video), label, spans));
            }

            return videos;
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{path} is not valid JSON: {OurJson.Reason(e)}");
        }
    }

    private static ActionSpan Span(string path, int item, JsonElement span) =>
        span.ValueKind == JsonValueKind.Array && span.GetArrayLength() == 2 && span[0].TryGetDouble(out double s) && span[1].TryGetDouble(out double e) && e > s && s >= 0
            ? new ActionSpan(s, e)
            : throw new BadInputException($"{path}, item {item}: a span must be [start, end] in seconds with 0 <= start < end");

    private static ActionSpan Span(string path, int line, string start, string end) =>
        double.TryParse(start, NumberStyles.Float, CultureInfo.InvariantCulture, out double s)
        && double.TryParse(end, NumberStyles.Float, CultureInfo.InvariantCulture, out double e) && e > s && s >= 0
            ? new ActionSpan(s, e)
            : throw new BadInputException($"{path}, line {line}: start and end must be seconds with 0 <= start < end; got '{start}', '{end}'");

    private static string Resolve(string listFile, string video) =>
        Path.GetFullPath(Path.IsPathRooted(video) ? video : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(listFile))!, video));

    /// <summary>Ids are file names; two files of the same name (in two class folders) get a suffix.</summary>
    private static IReadOnlyList<LabelledVideo> Unique(List<LabelledVideo> videos)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<LabelledVideo>(videos.Count);
        foreach (LabelledVideo video in videos)
        {
            string id = video.Id;
            for (int n = 2; !taken.Add(id); n++)
            {
                id = $"{video.Id}-{n}";
            }

            result.Add(video with { Id = id });
        }

        return result;
    }
}
