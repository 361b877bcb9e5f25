using System.Diagnostics;
using VideoRecognition.Progress;

namespace VideoRecognition.Features;

/// <summary>One stage's measured throughput.</summary>
public sealed record StageThroughput(string Stage, int Videos, long Segments, TimeSpan Elapsed)
{
    public double VideosPerSecond => Videos / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double SegmentsPerSecond => Segments / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Measures extraction stage by stage (`vrec bench extract`): decoding and view preparation alone, the
/// backbone alone on prepared input, and the real overlapped extraction into a scratch store. If the
/// overlap works, the overlapped rate approaches the slower stage's rate rather than their harmonic sum.
/// </summary>
public static class ExtractionBenchmark
{
    public static IReadOnlyList<StageThroughput> Run(
        FeatureExtractor extractor,
        FeatureStoreManifest manifest,
        IReadOnlyList<VideoSource> videos,
        string scratchFolder,
        IProgressReporter progress,
        CancellationToken ct)
    {
        long segments = (long)videos.Count * manifest.Segments;

        var decode = Stopwatch.StartNew();
        FeatureExtractor.Prepared? sample = null;
        using (IProgressTask task = progress.Start("Decode only", videos.Count, "videos"))
        {
            foreach (VideoSource video in videos)
            {
                ct.ThrowIfCancellationRequested();
                var prepared = extractor.Prepare(video);
                sample ??= prepared.Batch is null ? null : prepared;
                task.Advance();
            }
        }

        decode.Stop();
        if (sample?.Batch is null)
        {
            throw new InvalidOperationException("no video of the benchmark set could be decoded");
        }

        extractor.Embed(sample.Batch, manifest); // first call pays one-time initialisation; not part of the rate
        var backbone = Stopwatch.StartNew();
        using (IProgressTask task = progress.Start("Backbone only", videos.Count, "videos"))
        {
            for (int i = 0; i < videos.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                extractor.Embed(sample.Batch, manifest);
                task.Advance();
            }
        }

        backbone.Stop();
        if (Directory.Exists(scratchFolder))
        {
            Directory.Delete(scratchFolder, recursive: true);
        }

        ExtractionSummary overlapped = extractor.Run(manifest, videos, new FeatureStoreLayout(scratchFolder), progress, ct);
        Directory.Delete(scratchFolder, recursive: true);
        return
        [
            new StageThroughput("decode + views only", videos.Count, segments, decode.Elapsed),
            new StageThroughput("backbone only", videos.Count, segments, backbone.Elapsed),
            new StageThroughput("overlapped extraction", overlapped.Extracted, overlapped.Segments, overlapped.Elapsed),
        ];
    }
}
