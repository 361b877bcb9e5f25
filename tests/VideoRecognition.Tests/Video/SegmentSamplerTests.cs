using VideoRecognition.Video;

namespace VideoRecognition.Tests.Video;

public sealed class SegmentSamplerTests
{
    [Theory]
    [InlineData(100, 8)]
    [InlineData(355, 8)]
    [InlineData(8, 8)]
    [InlineData(17, 3)]
    public void Segments_tile_the_video_and_test_frames_are_their_centres(int frames, int t)
    {
        var segments = new SegmentSampler(t).TestFrames(frames, fps: 25);

        Assert.Equal(t, segments.Count);
        Assert.Equal(0, segments[0].StartFrame);
        Assert.Equal(frames, segments[^1].EndFrame);
        Assert.Equal(frames / 25.0, segments[^1].EndSeconds, 9);
        for (int k = 0; k < t; k++)
        {
            var s = segments[k];
            Assert.Equal(k, s.Index);
            if (k > 0)
            {
                Assert.Equal(segments[k - 1].EndFrame, s.StartFrame);
                Assert.Equal(segments[k - 1].EndSeconds, s.StartSeconds, 9);
            }

            // Centre of the real-valued segment [k n / T, (k+1) n / T), as TSN / mmaction2 test mode.
            int centre = (int)Math.Floor((k + 0.5) * frames / t);
            Assert.Equal([centre], s.Frames);
            Assert.InRange(centre, s.StartFrame, s.EndFrame - 1);
        }
    }

    [Fact]
    public void Test_frames_of_a_known_case()
    {
        var segments = new SegmentSampler(4).TestFrames(100, fps: 10);

        Assert.Equal([12, 37, 62, 87], SampledSegment.FramesOf(segments));
        Assert.Equal((2.5, 5.0), (segments[1].StartSeconds, segments[1].EndSeconds));
    }

    [Fact]
    public void Training_frames_stay_inside_their_segment_and_vary()
    {
        var sampler = new SegmentSampler(8);
        var seen = new HashSet<int>();
        for (int seed = 0; seed < 50; seed++)
        {
            foreach (var s in sampler.TrainingFrames(203, 30, new Random(seed)))
            {
                int frame = Assert.Single(s.Frames);
                Assert.InRange(frame, s.StartFrame, s.EndFrame - 1);
                seen.Add(frame);
            }
        }

        Assert.True(seen.Count > 100, $"training frames hardly vary: {seen.Count} distinct");
    }

    [Fact]
    public void Training_clips_are_consecutive_and_inside_long_enough_segments()
    {
        foreach (var s in new SegmentSampler(8, clipLength: 4).TrainingFrames(300, 30, new Random(3)))
        {
            Assert.Equal(Enumerable.Range(s.Frames[0], 4), s.Frames);
            Assert.InRange(s.Frames[0], s.StartFrame, s.EndFrame - 4);
        }
    }

    [Fact]
    public void Same_seed_same_frames_other_seed_other_frames()
    {
        var sampler = new SegmentSampler(8, 2);
        int[] a = SampledSegment.FramesOf(sampler.TrainingFrames(1000, 30, new Random(42)));
        int[] b = SampledSegment.FramesOf(sampler.TrainingFrames(1000, 30, new Random(42)));
        int[] c = SampledSegment.FramesOf(sampler.TrainingFrames(1000, 30, new Random(43)));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Videos_shorter_than_t_repeat_frames_in_order(int frames)
    {
        var sampler = new SegmentSampler(8, clipLength: 2);
        foreach (var segments in new[] { sampler.TestFrames(frames, 25), sampler.TrainingFrames(frames, 25, new Random(1)) })
        {
            Assert.Equal(8, segments.Count);
            int[] all = SampledSegment.FramesOf(segments);
            Assert.All(all, f => Assert.InRange(f, 0, frames - 1));
            Assert.All(segments, s => Assert.Equal(Math.Min(s.Frames[0] + 1, frames - 1), s.Frames[1])); // the last frame repeats
            Assert.All(segments, s => Assert.True(s.EndFrame > s.StartFrame));
            Assert.Equal(frames / 25.0, segments[^1].EndSeconds, 9);
        }

        int[] centres = SampledSegment.FramesOf(new SegmentSampler(8).TestFrames(frames, 25));
        Assert.Equal(centres.Order(), centres); // still in time order
        Assert.Equal(Enumerable.Range(0, frames), centres.Distinct()); // every frame used
    }

    [Fact]
    public void Dense_sampling_covers_the_video_at_the_stride()
    {
        var sampler = new SegmentSampler(8);

        var bySeconds = sampler.DenseFrames(frames: 250, fps: 25, strideSeconds: 2.0);
        var byFrames = sampler.DenseFrames(frames: 250, fps: 25, strideFrames: 50);

        Assert.Equal(5, bySeconds.Count);
        Assert.Equal([25, 75, 125, 175, 225], SampledSegment.FramesOf(bySeconds));
        Assert.Equal(SampledSegment.FramesOf(bySeconds), SampledSegment.FramesOf(byFrames));
        Assert.Equal((8.0, 10.0), (bySeconds[^1].StartSeconds, bySeconds[^1].EndSeconds));

        var ragged = sampler.DenseFrames(frames: 110, fps: 10, strideSeconds: 3.0);
        Assert.Equal(4, ragged.Count);
        Assert.Equal(110, ragged[^1].EndFrame);
        Assert.Equal(11.0, ragged[^1].EndSeconds, 9);
    }
}
