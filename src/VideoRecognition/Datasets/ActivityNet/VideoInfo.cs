using System.Globalization;
using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>One row of the proposal layout's video_info CSV: what its JSON does not say about a video.</summary>
public sealed record VideoInfo(string Id, int Frames, double Seconds, double Fps, string Subset);

/// <summary>
/// Reads video_info_new.csv (<c>video,numFrame,seconds,fps,rfps,subset,featureFrame</c>). Columns are found by
/// name, so extra or reordered columns are fine; a row that cannot be read is reported and skipped.
/// </summary>
public static class VideoInfoCsv
{
    private static readonly string[] RequiredColumns = ["video", "numFrame", "seconds", "fps", "subset"];

    /// <summary>Rows by video id without the <c>v_</c> prefix.</summary>
    public static IReadOnlyDictionary<string, VideoInfo> Read(string path) => Read(path, new AnnotationProblems(0));

    internal static IReadOnlyDictionary<string, VideoInfo> Read(string path, AnnotationProblems problems)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"Video-info CSV '{path}' does not exist.");
        }

        using var reader = new StreamReader(path);
        string? header = reader.ReadLine();
        string[] names = header?.Split(',').Select(n => n.Trim()).ToArray() ?? [];
        string[] missing = RequiredColumns.Where(c => !names.Contains(c, StringComparer.Ordinal)).ToArray();
        if (missing.Length > 0)
        {
            throw new BadInputException(
                $"Video-info CSV '{path}': the header line lacks column(s) {string.Join(", ", missing)}; expected video,numFrame,seconds,fps,rfps,subset,featureFrame.");
        }

        int video = Array.IndexOf(names, "video"), frames = Array.IndexOf(names, "numFrame"), seconds = Array.IndexOf(names, "seconds");
        int fps = Array.IndexOf(names, "fps"), subset = Array.IndexOf(names, "subset");
        var rows = new Dictionary<string, VideoInfo>(StringComparer.Ordinal);
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (fields.Length < names.Length
                || !double.TryParse(fields[frames], NumberStyles.Float, CultureInfo.InvariantCulture, out double frameCount)
                || !double.TryParse(fields[seconds], NumberStyles.Float, CultureInfo.InvariantCulture, out double length)
                || !double.TryParse(fields[fps], NumberStyles.Float, CultureInfo.InvariantCulture, out double rate)
                || !double.IsFinite(frameCount) || !double.IsFinite(length) || !double.IsFinite(rate))
            {
                problems.Add(AnnotationIssue.BadVideoInfoRow, null,
                    $"video-info CSV '{path}', line {lineNumber}: expected {names.Length} comma-separated fields with numbers in numFrame, seconds and fps, got '{line}'; row skipped");
                continue;
            }

            string id = AnnotatedVideo.StripPrefix(fields[video].Trim());
            rows[id] = new VideoInfo(id, (int)Math.Round(frameCount), length, rate, fields[subset].Trim());
        }

        return rows;
    }
}
