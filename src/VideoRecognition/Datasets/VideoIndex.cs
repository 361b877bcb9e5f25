using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;
using VideoRecognition.Video;

namespace VideoRecognition.Datasets;

/// <summary>
/// Maps annotated video ids to files on disk and probes each (`vrec index`). ActivityNet's downloaders name
/// files v_&lt;id&gt;.mp4, .mkv or .webm; a file named &lt;id&gt;.ext is accepted too. The folder is searched
/// with its subfolders (mirrors keep videos by class or by shard); one file is used per id, and further
/// files of the same id are reported. One bad video never stops the batch: it is reported as missing,
/// unreadable or suspicious and the rest goes on.
/// </summary>
public sealed record VideoIndex(string VideoFolder, IReadOnlyList<VideoIndexEntry> Videos)
{
    /// <summary>The index's file name in data.index.</summary>
    public const string FileName = "video_index.json";

    public static readonly string[] Extensions = [".mp4", ".mkv", ".webm", ".avi", ".mov", ".mpg", ".mpeg"];

    /// <summary>Relative duration disagreement between file and annotation beyond which a video is suspicious (and at least 1 s).</summary>
    public const double DurationTolerance = 0.05;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public IReadOnlyDictionary<VideoStatus, int> CountByStatus() =>
        Enum.GetValues<VideoStatus>().ToDictionary(s => s, s => Videos.Count(v => v.Status == s));

    public static VideoIndex Build(
        IReadOnlyList<(string Id, double AnnotatedDuration)> videos,
        string videoFolder,
        ProbeCache cache,
        long maxFramePixels,
        IProgressReporter progress,
        CancellationToken ct)
    {
        if (!Directory.Exists(videoFolder))
        {
            throw new BadInputException($"video folder '{videoFolder}' does not exist");
        }

        var files = FilesById(videoFolder);

        var entries = new VideoIndexEntry[videos.Count];
        using IProgressTask task = progress.Start("Probing videos", videos.Count, "videos");
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        Parallel.For(0, videos.Count, options, i =>
        {
            var (id, duration) = videos[i];
            entries[i] = files.TryGetValue(id, out IReadOnlyList<string>? found)
                ? Judge(id, duration, found, cache.Probe(found[0], maxFramePixels, ct), maxFramePixels)
                : new VideoIndexEntry(id, duration, null, VideoStatus.Missing, [$"no v_{id}.* or {id}.* in {videoFolder} or its subfolders"], null);
            task.Advance();
        });

        return new VideoIndex(Path.GetFullPath(videoFolder), entries);
    }

    /// <summary>The file of each usable video, by id: what the feature extractor reads.</summary>
    public IReadOnlyDictionary<string, VideoIndexEntry> Usable() =>
        Videos.Where(v => v.IsUsable).ToDictionary(v => v.Id, StringComparer.Ordinal);

    /// <summary>Writes the index, with the annotation file's problems (each naming its video) beside it.</summary>
    public void Write(string path, IReadOnlyList<ActivityNet.AnnotationProblem> annotationProblems) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, new
        {
            video_folder = VideoFolder,
            annotation_problems = annotationProblems.Select(p => new { video = p.VideoId, issue = p.Issue, message = p.Message }),
            counts = CountByStatus().ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value),
            videos = Videos.Select(v => new
            {
                v.Id,
                v.Status,
                v.File,
                annotated_duration = v.AnnotatedDuration,
                decoded_frames = v.Probe?.DecodedFrames,
                container_frames = v.Probe?.ContainerFrames,
                fps = v.Probe?.Fps,
                duration = v.Probe?.DurationSeconds,
                v.Issues,
            }),
        }, Json));

    /// <summary>
    /// The video files of each id in a folder and its subfolders, by the naming rule above, in ordinal order
    /// of their paths: the first is the one used, any other is reported. A file named v_&lt;x&gt; answers both
    /// to id x and to id v_&lt;x&gt;: a few YouTube ids begin with "v_" themselves (v_UmAH95xls in v1.3), and
    /// such a video saved as &lt;id&gt;.mp4 would otherwise be missing.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FilesById(string videoFolder) =>
        Directory.EnumerateFiles(videoFolder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .SelectMany(f => IdsOf(Path.GetFileNameWithoutExtension(f)).Select(id => (Id: id, File: f)))
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, IReadOnlyList<string> (g) => g.Select(p => p.File).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private static IEnumerable<string> IdsOf(string fileStem)
    {
        yield return ActivityNet.AnnotatedVideo.StripPrefix(fileStem);
        if (fileStem.StartsWith(ActivityNet.AnnotatedVideo.ProposalIdPrefix, StringComparison.Ordinal))
        {
            yield return fileStem;
        }
    }

    private static VideoIndexEntry Judge(string id, double annotatedDuration, IReadOnlyList<string> files, VideoProbe probe, long maxFramePixels)
    {
        string file = files[0];
        var issues = probe.Problems.Select(p => $"{p.Kind}: {p.Detail}").ToList();
        // A probe cached under a larger limit is held to today's.
        if (probe.IsReadable && VideoProber.TooLarge(file, probe.Width, probe.Height, maxFramePixels) is { } tooLarge)
        {
            issues.Add($"{tooLarge.Kind}: {tooLarge.Detail}");
            return new VideoIndexEntry(id, annotatedDuration, file, VideoStatus.Unreadable, issues, probe);
        }

        if (!probe.IsReadable)
        {
            return new VideoIndexEntry(id, annotatedDuration, file, VideoStatus.Unreadable, issues, probe);
        }

        // Inexact seeking is noted but not suspicious: the reader reads such files sequentially and gets the right frames.
        bool suspicious = probe.Problems.Any(p => p.Kind != VideoProblemKind.SeekNotExact);
        if (files.Count > 1)
        {
            issues.Add($"SeveralFiles: {files.Count} files have this id; using {file}, not {string.Join(", ", files.Skip(1))}");
            suspicious = true;
        }

        double gap = Math.Abs(probe.DurationSeconds - annotatedDuration);
        if (annotatedDuration > 0 && gap > Math.Max(1.0, DurationTolerance * annotatedDuration))
        {
            issues.Add(string.Create(CultureInfo.InvariantCulture, $"DurationMismatch: the file lasts {probe.DurationSeconds:0.##} s, the annotation says {annotatedDuration:0.##} s"));
            suspicious = true;
        }

        return new VideoIndexEntry(id, annotatedDuration, file, suspicious ? VideoStatus.Suspicious : VideoStatus.Ok, issues, probe);
    }
}
