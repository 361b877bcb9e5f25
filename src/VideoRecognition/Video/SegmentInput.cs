using OpenCvSharp;
using VideoRecognition.Video.Transforms;

namespace VideoRecognition.Video;

/// <summary>
/// The per-video path a feature extractor takes: probe (cache it) -> segments -> frames -> views -> batch.
/// Frames are disposed here; the caller owns only the returned batch.
/// </summary>
public sealed class SegmentInput(VideoConfig config)
{
    private readonly SegmentSampler sampler = new(config);
    private readonly FrameViews views = new(config);

    /// <summary>Test-time input: each segment's centre frame(s), T x L views in segment order.</summary>
    public (IReadOnlyList<SampledSegment> Segments, FrameBatch Batch) TestBatch(VideoProbe probe)
    {
        var segments = sampler.TestFrames(probe);
        return (segments, WithFrames(probe, segments, frames => FrameBatch.TestViews(frames, views)));
    }

    /// <summary>Training input: a random frame (clip) per segment, two augmented views of each (slots 2i, 2i+1).</summary>
    public (IReadOnlyList<SampledSegment> Segments, FrameBatch Batch) TrainingBatch(VideoProbe probe, Random random)
    {
        var segments = sampler.TrainingFrames(probe, random);
        return (segments, WithFrames(probe, segments, frames => FrameBatch.TrainingViewPairs(frames, views, random)));
    }

    private static FrameBatch WithFrames(VideoProbe probe, IReadOnlyList<SampledSegment> segments, Func<Mat[], FrameBatch> build)
    {
        using var reader = FrameReader.Open(probe);
        Mat[] frames = reader.Read(SampledSegment.FramesOf(segments));
        try
        {
            return build(frames);
        }
        finally
        {
            foreach (var frame in frames)
            {
                frame.Dispose();
            }
        }
    }
}
