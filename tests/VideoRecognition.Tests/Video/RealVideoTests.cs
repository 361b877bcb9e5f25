using OpenCvSharp;
using VideoRecognition.Video;

namespace VideoRecognition.Tests.Video;

/// <summary>
/// Every clip of ../shared/data/realvideos, each with its own decoding quirk: the probe must count the
/// frames that really decode, and the reader must return the same frames a plain sequential pass does.
/// </summary>
public sealed class RealVideoTests
{
    // The "frames that decode" column of ../shared/data/realvideos/README.md (containers disagree for
    // flipping_pancake 311, flower_vp8 152, hand_waving_h264 garbage, tree_cinepak 444).
    public static TheoryData<string, int, bool> Clips => new()
    {
        { "arm_wrestling.mp4", 280, true },
        { "apply_eye_makeup.avi", 164, true },
        { "flipping_pancake.mkv", 310, false },
        { "flower_vp8.webm", 150, false },
        { "hand_waving_h264.webm", 94, false },
        { "tree_cinepak.avi", 68, false },
        { "city_mpeg2.mpg", 190, true },
        { "clean_and_jerk.mp4", 355, true },
    };

    // Decoding is deterministic, so frames are expected to be identical; the tolerance only forgives
    // a decoder that differs in rounding after a seek, never a neighbouring frame.
    private const double Tolerance = 1.0;

    [SharedDataTheory("realvideos")]
    [MemberData(nameof(Clips))]
    public void Probe_counts_the_frames_that_decode_and_reader_matches_a_sequential_pass(string file, int decodedFrames, bool containerAgrees)
    {
        string path = Path.Combine(SharedDataFactAttribute.SharedDataPath("realvideos")!, file);

        var probe = VideoProber.Probe(path);

        Assert.Equal(decodedFrames, probe.DecodedFrames);
        Assert.True(probe.IsReadable);
        Assert.Equal(containerAgrees, !probe.Problems.Any(p => p.Kind == VideoProblemKind.ContainerCountDisagrees));
        Assert.InRange(probe.Fps, 1, 100);
        Assert.InRange(probe.DurationSeconds, 2, 60);

        var sampler = new SegmentSampler(8);
        int n = probe.DecodedFrames;
        int[][] requests =
        [
            SampledSegment.FramesOf(sampler.TestFrames(probe)),
            SampledSegment.FramesOf(sampler.TrainingFrames(probe, new Random(1))),
            SampledSegment.FramesOf(new SegmentSampler(4, 5).TrainingFrames(probe, new Random(2))),
            [n - 1, 0, n / 2, n / 2, 3, n - 1, 1, 2],
            [n / 3, 0],
        ];
        var reference = SequentialReference.Frames(path, requests.SelectMany(r => r));
        try
        {
            using var reader = FrameReader.Open(probe);
            foreach (int[] request in requests)
            {
                Mat[] frames = reader.Read(request);
                try
                {
                    Assert.Equal(request.Length, frames.Length);
                    for (int i = 0; i < request.Length; i++)
                    {
                        Assert.Equal(MatType.CV_8UC3, frames[i].Type());
                        double difference = SequentialReference.MeanAbsoluteDifference(reference[request[i]], frames[i]);
                        Assert.True(difference < Tolerance,
                            $"{file}: frame {request[i]} (request [{string.Join(",", request)}]) differs by {difference:F2} from the sequential read");
                    }
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
        finally
        {
            foreach (var frame in reference.Values)
            {
                frame.Dispose();
            }
        }
    }
}
