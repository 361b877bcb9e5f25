using System.Diagnostics;
using VideoRecognition.Progress;

namespace VideoRecognition.Features;

/// <summary>One stage's measured throughput.</summary>
public sealed record StageThroughput(string Stage, int Videos, long Segments, TimeSpan Elapsed)
{
    public double VideosPerSecond => Videos / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double SegmentsPerSecond => Segments / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>What `vrec bench extract` measured: each stage alone, the overlapped run, and where its time went.</summary>
public sealed record ExtractionBenchmarkResult(IReadOnlyList<StageThroughput> Throughputs, ExtractionSummary Overlapped)
{
    public StageThroughput OverlappedThroughput => Throughputs[^1];
}

/// <summary>
/// Measures extraction stage by stage (`vrec bench extract`): decoding and view preparation alone, the
/// backbone alone on prepared input, and the real overlapped extraction into a scratch store. If the
/// overlap works, the overlapped rate approaches the slower stage's rate rather than their harmonic sum.
/// </summary>
public static class ExtractionBenchmark
{
    /// <summary>Only the overlapped extraction (what a real run does), into a scratch store that is deleted after.</summary>
    public static ExtractionSummary Overlapped(
        FeatureExtractor extractor, FeatureStoreManifest manifest, IReadOnlyList<VideoSource> videos, string scratchFolder, IProgressReporter progress, CancellationToken ct)
    {
        if (Directory.Exists(scratchFolder))
        {
            Directory.Delete(scratchFolder, recursive: true);
        }

        ExtractionSummary overlapped = extractor.Run(manifest, videos, new FeatureStoreLayout(scratchFolder), progress, ct);
        Directory.Delete(scratchFolder, recursive: true);
        return overlapped;
    }

    public static ExtractionBenchmarkResult Run(
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

        // The first pass of each shape pays one-time initialisation (oneDNN primitives, first-touch memory): not part of the rate.
        int perForward = Math.Max(1, extractor.VideosPerForward);
        extractor.EmbedVideos(Enumerable.Repeat(sample.Batch, Math.Min(perForward, videos.Count)).ToList(), manifest, null);
        if (videos.Count % perForward != 0)
        {
            extractor.EmbedVideos(Enumerable.Repeat(sample.Batch, videos.Count % perForward).ToList(), manifest, null);
        }

        var backbone = Stopwatch.StartNew();
        using (IProgressTask task = progress.Start("Backbone only", videos.Count, "videos"))
        {
            for (int i = 0; i < videos.Count; i += perForward)
            {
                ct.ThrowIfCancellationRequested();
                int count = Math.Min(perForward, videos.Count - i);
                extractor.EmbedVideos(Enumerable.Repeat(sample.Batch, count).ToList(), manifest, null);
                task.Advance(count);
            }
        }

        backbone.Stop();
        ExtractionSummary overlapped = Overlapped(extractor, manifest, videos, scratchFolder, progress, ct);
        return new ExtractionBenchmarkResult(
        [
            new StageThroughput("decode + views only", videos.Count, segments, decode.Elapsed),
            new StageThroughput("backbone only", videos.Count, segments, backbone.Elapsed),
            new StageThroughput("overlapped extraction", overlapped.Extracted, overlapped.Segments, overlapped.Elapsed),
        ], overlapped);
    }
}
