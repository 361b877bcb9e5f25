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
    public FrameBatch Prepare(VideoSource source)
    {
        Random random = seed.Derive("extract.video:" + source.Id).ToRandom();
        int[] test = SampledSegment.FramesOf(sampler.TestFrames(source.Probe));
        int[] train = SampledSegment.FramesOf(sampler.TrainingFrames(source.Probe, random));

        using var reader = FrameReader.Open(source.Probe);
        Mat[] frames = reader.Read([.. test, .. train]);
        try
        {
            var batch = new FrameBatch(ImagesPerVideo, video.InputSize);
            for (int i = 0; i < test.Length; i++)
            {
                views.WriteTestView(frames[i], batch.Slot(i));
            }

            for (int v = 1; v < Views; v++)
            {
                for (int i = 0; i < train.Length; i++)
                {
                    views.WriteTrainingView(frames[test.Length + i], random, batch.Slot((v * train.Length) + i));
                }
            }

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
