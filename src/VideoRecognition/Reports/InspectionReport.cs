using VideoRecognition.Progress;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Reports;

/// <summary>
/// Writes the segment inspection report: a static HTML folder that opens from file:// with no network
/// (index.html, videos/&lt;id&gt;.html, thumbnails, training-curve PNGs). Every file is written atomically and
/// index.html last (an older one is removed first), so a folder with an index is a complete report.
/// </summary>
public static class InspectionReport
{
    public const string IndexFile = ReportLayout.IndexFile;

    /// <summary>Writes the report into <paramref name="folder"/> and returns the path of its index.html.</summary>
    /// <param name="folder">Created if missing; files of an earlier report there are overwritten.</param>
    /// <param name="videos">The inspected videos, in the order the index lists them; ids must be unique.</param>
    /// <param name="trainingLogPath">A train.jsonl for the training curves, or null for none.</param>
    /// <param name="evaluations">Few-shot results (<see cref="EvaluationSetting.From"/> or <see cref="EvaluationSetting.Read"/>); may be empty.</param>
    /// <param name="progress">Told about each video and about videos whose frames could not be read.</param>
    /// <param name="ct">Checked between videos.</param>
    public static string Write(
        string folder,
        IReadOnlyList<VideoInspection> videos,
        string? trainingLogPath,
        IReadOnlyList<EvaluationSetting> evaluations,
        IProgressReporter progress,
        CancellationToken ct = default)
    {
        var layout = new ReportLayout(folder, videos.Select(v => v.Id));
        Directory.CreateDirectory(layout.Folder);
        File.Delete(layout.IndexPath);

        if (trainingLogPath is not null && !File.Exists(trainingLogPath))
        {
            throw new BadInputException($"training log '{trainingLogPath}' does not exist");
        }

        IReadOnlyList<CurveFigure> figures = trainingLogPath is null
            ? []
            : TrainingCurves.Write(TrainingLog.Read(trainingLogPath), layout);

        var thumbnails = new Dictionary<string, IReadOnlySet<int>>(StringComparer.Ordinal);
        using (IProgressTask task = progress.Start("Writing inspection pages", videos.Count, "videos"))
        {
            for (int i = 0; i < videos.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                VideoInspection video = videos[i];
                thumbnails[video.Id] = Thumbnails.Write(video, layout, progress);
                string page = VideoPage.Html(video, layout, thumbnails[video.Id], i > 0 ? videos[i - 1] : null, i + 1 < videos.Count ? videos[i + 1] : null);
                AtomicFile.WriteAllText(layout.Full(layout.VideoPage(video.Id)), page);
                task.Advance();
            }
        }

        foreach (SupportThumbnail support in videos.SelectMany(v => v.Support).DistinctBy(s => s.Id))
        {
            Thumbnails.WriteSupport(support, layout, progress);
        }

        AtomicFile.WriteAllText(layout.IndexPath, IndexPage.Html(videos, layout, thumbnails, figures, trainingLogPath, evaluations));
        return layout.IndexPath;
    }
}
