using VideoRecognition.Features;
using VideoRecognition.Progress;
using VideoRecognition.Video;

namespace VideoRecognition.Recognition;

/// <summary>A support or query video whose segments were decoded and embedded by the backbone; Features is its test view, segments x backbone dimension.</summary>
public sealed record ExtractedVideo(LabelledVideo Video, VideoProbe Probe, float[] Features);

/// <summary>A video that could not be used, and why (the file's problem as the prober or decoder saw it).</summary>
public sealed record SkippedVideo(LabelledVideo Video, string Problem);

/// <summary>
/// Support and query videos through the same path as `vrec extract`: probed (cached), sampled into the
/// model's segments, decoded into the test-time view and embedded by the backbone (cached). A file that is
/// missing or does not decode is reported and skipped, never fatal.
/// </summary>
public sealed class VideoFeatures(FeatureExtractor extractor, FeatureStoreManifest manifest, ProbeCache probes, SegmentFeatureCache cache, long maxFramePixels)
{
    public (IReadOnlyList<ExtractedVideo> Extracted, IReadOnlyList<SkippedVideo> Skipped) Extract(
        IReadOnlyList<LabelledVideo> videos, string what, IProgressReporter progress, CancellationToken ct)
    {
        var extracted = new List<ExtractedVideo>();
        var skipped = new List<SkippedVideo>();
        using IProgressTask task = progress.Start($"Embedding {what} videos", videos.Count, "videos");
        foreach (LabelledVideo video in videos)
        {
            ct.ThrowIfCancellationRequested();
            VideoProbe probe = probes.Probe(video.Path, maxFramePixels, ct);
            float[]? features = probe.IsReadable ? cache.TryRead(probe) : null;
            string? problem = null;
            if (features is null && probe.IsReadable)
            {
                FeatureExtractor.Prepared prepared = extractor.Prepare(new VideoSource(video.Id, video.Class ?? "", what, probe));
                if (prepared.Batch is null)
                {
                    problem = prepared.Problem;
                }
                else
                {
                    features = extractor.Embed(prepared.Batch, manifest);
                    cache.Write(probe, features);
                }
            }
            else if (!probe.IsReadable)
            {
                problem = probe.Problems.Count > 0 ? string.Join("; ", probe.Problems.Select(p => p.Detail)) : "no frame decodes";
            }

            if (features is null)
            {
                skipped.Add(new SkippedVideo(video, problem ?? "not readable"));
                progress.Log(LogLevel.Warning, $"skipped {what} video {video.Path}: {problem}");
            }
            else
            {
                extracted.Add(new ExtractedVideo(video, probe, features));
            }

            task.Advance();
        }

        return (extracted, skipped);
    }
}
