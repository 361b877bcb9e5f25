using VideoRecognition.FewShot;

namespace VideoRecognition.Tests.FewShot;

public sealed class AccuracyIntervalTests
{
    [Fact]
    public void Four_episodes_give_the_hand_computed_sample_std_and_both_half_widths()
    {
        AccuracyInterval interval = AccuracyInterval.Of([0.2, 0.4, 0.6, 0.8]);

        // mean 0.5; squared deviations 0.09 + 0.01 + 0.01 + 0.09 = 0.2; sample variance (n - 1 = 3) 0.2 / 3.
        double std = Math.Sqrt(0.2 / 3.0); // 0.2581989
        double standardError = std / Math.Sqrt(4.0); // 0.1290994
        Assert.Equal(0.5, interval.Mean, 12);
        Assert.Equal(std, interval.Std, 12);
        Assert.Equal(1.96 * standardError, interval.NormalHalfWidth, 12); // 0.2530349
        Assert.Equal(3.182446 * standardError, interval.StudentTHalfWidth, 6); // t_{0.975, 3} = 3.182446 -> 0.4108525
        Assert.Equal(IntervalMethod.StudentT, interval.Method); // 4 < 100 episodes
        Assert.Equal(interval.StudentTHalfWidth, interval.HalfWidth);
    }

    [Fact]
    public void From_100_episodes_the_normal_interval_of_the_paper_is_reported()
    {
        double[] accuracies = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 0.4 : 0.6).ToArray();
        AccuracyInterval interval = AccuracyInterval.Of(accuracies);

        Assert.Equal(IntervalMethod.Normal, interval.Method);
        Assert.Equal(1.96 * interval.Std / 10.0, interval.HalfWidth, 12);
        Assert.True(interval.StudentTHalfWidth > interval.NormalHalfWidth);
    }
}
