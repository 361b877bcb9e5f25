using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class TimelineSamplerTests
{
    private const int Samples = 20_000;

    /// <summary>
    /// Tolerances: FG fraction mean and median within 0.02 (frame quantisation and the 3-frame minimum span
    /// move them slightly; the quantile fit itself is off by 0.008 on the mean); P(1 instance) within 0.02 and
    /// mean instance count within 0.06 (fitting instances into short videos caps a few counts); duration deciles
    /// 10%..90% and the mean within 3% of DurationScale x the ActivityNet values. MinDuration is lowered to 1 s here so the
    /// clamp does not hide the lower deciles.
    /// </summary>
    [Fact]
    public void Sampled_timelines_reproduce_the_ActivityNet_statistics()
    {
        var config = new SyntheticConfig { MinDuration = 1.0 };
        var sampler = new TimelineSampler(config);
        Random random = Seed.From(5).ToRandom();
        ActivityNetTimelineStatistics measured = ActivityNetTimelineStatistics.Measure(Enumerable.Range(0, Samples).Select(i =>
        {
            VideoTimeline timeline = sampler.Sample(random, i % 30, 30);
            return new AnnotatedTimeline(
                timeline.Frames / config.Fps,
                timeline.Foreground.Select(s => (s.StartFrame / config.Fps, s.EndFrame / config.Fps)).ToArray());
        }));
        ActivityNetTimelineStatistics target = ActivityNetTimelineStatistics.V13;

        Assert.InRange(measured.ForegroundFractionMean, target.ForegroundFractionMean - 0.02, target.ForegroundFractionMean + 0.02);
        Assert.InRange(measured.ForegroundFractionMedian, target.ForegroundFractionMedian - 0.02, target.ForegroundFractionMedian + 0.02);
        Assert.InRange(measured.InstanceCountProbabilities[0], target.InstanceCountProbabilities[0] - 0.02, target.InstanceCountProbabilities[0] + 0.02);
        Assert.InRange(measured.InstanceCountMean, target.InstanceCountMean - 0.06, target.InstanceCountMean + 0.06);
        Assert.InRange(measured.DurationMean, 0.97 * config.DurationScale * target.DurationMean, 1.03 * config.DurationScale * target.DurationMean);
        for (int decile = 1; decile <= 9; decile++)
        {
            double expected = config.DurationScale * target.DurationDeciles[decile];
            Assert.True(Math.Abs(measured.DurationDeciles[decile] - expected) <= 0.03 * expected, $"duration decile {decile}: {measured.DurationDeciles[decile]:F2} s, ActivityNet x scale {expected:F2} s; all: {string.Join(", ", measured.DurationDeciles.Select(d => d.ToString("F1")))}");
        }
    }

    [Fact]
    public void Timelines_cover_every_frame_once_with_spans_of_at_least_the_minimum_length()
    {
        var config = new SyntheticConfig();
        var sampler = new TimelineSampler(config);
        Random random = Seed.From(9).ToRandom();
        int otherActions = 0;
        for (int i = 0; i < 2_000; i++)
        {
            VideoTimeline timeline = sampler.Sample(random, 3, 30);
            Assert.True(timeline.Frames >= config.MinDuration * config.Fps);
            int cursor = 0;
            TimelineSpan? previous = null;
            foreach (TimelineSpan span in timeline.Spans)
            {
                Assert.Equal(cursor, span.StartFrame);
                Assert.True(span.Frames >= sampler.MinSpanFrames, $"span of {span.Frames} frames");
                Assert.False(previous?.Kind == SpanKind.FG && span.Kind == SpanKind.FG, "two FG instances touch");
                Assert.Equal(span.Kind == SpanKind.FG ? 3 : span.VisibleClass, span.VisibleClass);
                if (span.Kind == SpanKind.IBG)
                {
                    Assert.NotEqual(3, span.VisibleClass);
                }
                otherActions += span.Content == SpanContent.OtherAction ? 1 : 0;
                cursor = span.EndFrame;
                previous = span;
            }

            Assert.Equal(timeline.Frames, cursor);
            Assert.NotEmpty(timeline.Foreground);
        }

        Assert.True(otherActions > 100, "other classes' actions almost never appear as IBG");
    }

    [Fact]
    public void The_inverse_cdf_passes_through_its_points()
    {
        double[] levels = [0, 0.5, 1];
        double[] values = [10, 20, 40];
        Assert.Equal(10, TimelineSampler.InverseCdf(levels, values, 0));
        Assert.Equal(15, TimelineSampler.InverseCdf(levels, values, 0.25), 9);
        Assert.Equal(30, TimelineSampler.InverseCdf(levels, values, 0.75), 9);
    }
}
