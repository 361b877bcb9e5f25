using OpenCvSharp;
using VideoRecognition.Runtime;
using VideoRecognition.Video;
using VideoRecognition.Video.Transforms;

namespace VideoRecognition.Features;

/// <summary>
/// The frames of one video as the store keeps them: view 0 is the test-time view (each segment's centre,
/// centre crop), views 1..N are augmented training views of one random frame per segment (random resized
/// crop, flip, colour jitter, grayscale, blur), so any two of them are a SimCLR positive pair. The randomness
/// comes from the run seed and the video id alone, so a video gets the same views in any shard, order or rerun.
/// </summary>
public sealed class SegmentViews(VideoConfig video, int trainViews, Seed seed)
{
    private readonly SegmentSampler sampler = new(video);
    private readonly FrameViews views = new(video);

    public int Views => 1 + trainViews;

    /// <summary>Images per video: views x segments x clip length, in that order.</summary>
    public int ImagesPerVideo => Views * video.Segments * video.ClipLength;

    /// <summary>Decodes the video and writes its views into a new batch (views x segments x clip frames).</summary>
    public FrameBatch Prepare(VideoSource source, ExtractionProfile? profile = null) => Decode(source, withTestView: true, trainViews, profile);

    /// <summary>
    /// Only the augmented training views (views 1..N of <see cref="Prepare"/>, the same frames and pixels):
    /// end-to-end training decodes no test frames it would not use. trainViews x segments x clip frames.
    /// </summary>
    public FrameBatch PrepareTrainingViews(VideoSource source) => Decode(source, withTestView: false, trainViews);

    /// <summary>Only the test view (view 0 of <see cref="Prepare"/>): segments x clip frames.</summary>
    public FrameBatch PrepareTestView(VideoSource source) => Decode(source, withTestView: true, 0);

    private FrameBatch Decode(VideoSource source, bool withTestView, int augmented, ExtractionProfile? profile = null)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        Random random = seed.Derive("extract.video:" + source.Id).ToRandom();
        int[] test = withTestView ? SampledSegment.FramesOf(sampler.TestFrames(source.Probe)) : [];
        // The training frames are drawn even when unused, so the augmentations that follow are the same either way.
        int[] train = SampledSegment.FramesOf(sampler.TrainingFrames(source.Probe, random));
        int[] read = augmented > 0 ? [.. test, .. train] : test;

        using var reader = FrameReader.Open(source.Probe);
        Mat[] frames = reader.Read(read);
        profile?.AddSince(ExtractionStage.Decode, start);
        start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var batch = new FrameBatch(((withTestView ? 1 : 0) + augmented) * video.Segments * video.ClipLength, video.InputSize);
            for (int i = 0; i < test.Length; i++)
            {
                views.WriteTestView(frames[i], batch.Slot(i));
            }

            for (int v = 0; v < augmented; v++)
            {
                for (int i = 0; i < train.Length; i++)
                {
                    views.WriteTrainingView(frames[test.Length + i], random, batch.Slot(test.Length + (v * train.Length) + i));
                }
            }

            profile?.AddSince(ExtractionStage.Transform, start);
            return batch;
        }
        finally
        {
            foreach (Mat frame in frames)
            {
                frame.Dispose();
            }
        }
    }
}
