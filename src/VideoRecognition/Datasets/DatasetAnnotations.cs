using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Progress;

namespace VideoRecognition.Datasets;

/// <summary>
/// The run's annotation file (data.annotations, with data.video_info for the proposal layout), read once for
/// every job that needs it, with each problem logged (video id and reason) and a summary line that counts them.
/// </summary>
public static class DatasetAnnotations
{
    public static ActivityNetAnnotations Read(DatasetConfig data, IProgressReporter progress)
    {
        var annotations = ActivityNetAnnotationReader.Read(
            data.Annotations,
            new AnnotationReadOptions { VideoInfoPath = data.VideoInfo.Length == 0 ? null : data.VideoInfo });
        AnnotationReport report = annotations.Report;
        foreach (AnnotationProblem problem in report.Problems)
        {
            progress.Log(problem.Routine ? LogLevel.Debug : LogLevel.Warning, problem.Message);
        }

        int dropped = report.Problems.Count(p => !p.Routine);
        progress.Log(dropped > 0 ? LogLevel.Warning : LogLevel.Info,
            $"{data.Annotations}: {report.VideosLoaded} of {report.VideosInFile} videos and {report.SegmentsLoaded} of {report.SegmentsInFile} segments loaded, "
            + $"{annotations.Classes.Count} classes ({annotations.Layout} layout); {report.Problems.Count} annotation problems"
            + (report.IsClean ? string.Empty : $" ({string.Join(", ", report.IssueCounts.Select(c => $"{c.Value} {c.Key}"))})"));
        return annotations;
    }
}
