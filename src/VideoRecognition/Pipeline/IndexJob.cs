using VideoRecognition.Datasets;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Features;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Video;

namespace VideoRecognition.Pipeline;

/// <summary>
/// `vrec index`: the annotated videos found on disk and probed (cached), and from them the labelled videos
/// that decode, which extraction embeds and end-to-end training decodes.
/// </summary>
public static class IndexJob
{
    public static (ActivityNetAnnotations Annotations, VideoIndex Index) Index(RunConfig config, IProgressReporter progress, CancellationToken ct)
    {
        ActivityNetAnnotations annotations = DatasetAnnotations.Read(config.Data, progress);
        var cache = new ProbeCache(Path.Combine(config.Data.Index, ProbeCache.FileName));
        if (cache.Count > 0)
        {
            progress.Log(LogLevel.Info, $"Probe cache {Path.Combine(config.Data.Index, ProbeCache.FileName)}: {cache.Count} videos already probed");
        }

        VideoIndex index = VideoIndex.Build(
            annotations.Videos.Select(v => (v.Id, v.Duration)).ToList(), config.Data.Videos, cache, config.Video.MaxFramePixels, progress, ct);
        index.Write(Path.Combine(config.Data.Index, VideoIndex.FileName), annotations.Report.Problems);
        return (annotations, index);
    }

    /// <summary>
    /// The labelled videos whose files were found and decode, with their probes: what extraction embeds and
    /// what end-to-end training decodes.
    /// </summary>
    public static IReadOnlyList<VideoSource> Sources(RunConfig config, IProgressReporter progress, CancellationToken ct)
    {
        var (annotations, index) = Index(config, progress, ct);
        var usable = index.Usable();
        var labelled = annotations.Videos.Where(v => v.Labels.Count > 0).ToList();
        var withProblems = annotations.Report.VideosWithProblems();
        var unlabelled = annotations.Videos.Where(v => v.Labels.Count == 0).ToList();
        int emptied = unlabelled.Count(v => withProblems.Contains(v.Id));
        if (emptied > 0)
        {
            progress.Log(LogLevel.Warning, $"{emptied} videos lost every label to the annotation problems above (unknown label, unreadable segment) and are not extracted");
        }

        if (unlabelled.Count > emptied)
        {
            progress.Log(LogLevel.Info, $"{unlabelled.Count - emptied} videos have no annotation (e.g. ActivityNet's testing subset) and are not extracted");
        }

        var several = labelled.Where(v => v.HasSeveralClasses).ToList();
        if (several.Count > 0)
        {
            progress.Log(LogLevel.Warning,
                $"{several.Count} videos are annotated with more than one class and are not extracted (a video-level label names one class): " +
                string.Join("; ", several.Take(12).Select(v => $"{v.Id} ({string.Join(" + ", v.Labels)})")) + (several.Count > 12 ? "; ..." : ""));
            labelled = labelled.Where(v => !v.HasSeveralClasses).ToList();
        }

        var sources = labelled
            .Where(v => usable.ContainsKey(v.Id))
            .Select(v => new VideoSource(v.Id, v.Labels[0], v.Subset ?? "unknown", usable[v.Id].Probe!))
            .ToList();
        int unusable = labelled.Count - sources.Count;
        if (unusable > 0)
        {
            progress.Log(LogLevel.Warning, $"{unusable} labelled videos are missing or unreadable (see {Path.Combine(config.Data.Index, VideoIndex.FileName)}) and are not extracted");
        }

        if (sources.Count == 0)
        {
            throw new BadInputException($"no usable labelled video: {config.Data.Annotations} lists {annotations.Videos.Count} videos, {usable.Count} of them were found and decode in {config.Data.Videos}");
        }

        return sources;
    }
}
