using VideoRecognition.FewShot;

namespace VideoRecognition.Tests.FewShot;

public sealed class PairedDifferenceTests
{
    [Fact]
    public void Differences_one_to_five_give_the_hand_computed_mean_std_and_t_interval()
    {
        // full - other per seed: 1, 2, 3, 4, 5 (the other model's level varies by seed; only the pairs matter).
        double[] full = [0.61, 0.52, 0.83, 0.74, 0.95];
        double[] other = [0.60, 0.50, 0.80, 0.70, 0.90];
        PairedDifference difference = PairedDifference.Of(full.Select(v => 100 * v).ToList(), other.Select(v => 100 * v).ToList());

        // mean (1+2+3+4+5)/5 = 3; squared deviations 4+1+0+1+4 = 10; sample variance 10/4 = 2.5.
        double std = Math.Sqrt(10.0 / 4.0); // 1.5811388
        const double t = 2.7764451; // t_{0.975, 4}, from a t table
        double halfWidth = t * std / Math.Sqrt(5.0); // 1.9632
        Assert.Equal(3.0, difference.Mean, 9);
        Assert.Equal(1.5811, difference.Std!.Value, 4);
        Assert.Equal(std, difference.Std!.Value, 9);
        Assert.Equal(1.9632, difference.HalfWidth!.Value, 4);
        Assert.Equal(halfWidth, difference.HalfWidth!.Value, 6);
        Assert.Equal(3.0 - halfWidth, difference.Low!.Value, 6);
        Assert.Equal(3.0 + halfWidth, difference.High!.Value, 6);
        Assert.Equal(5, difference.Seeds);
        Assert.Equal(5, difference.ReferenceHigher);
        Assert.Equal(0, difference.Ties);
    }

    [Fact]
    public void Wins_and_ties_are_counted_seed_by_seed()
    {
        PairedDifference difference = PairedDifference.Of([0.5, 0.5, 0.7, 0.4], [0.4, 0.5, 0.8, 0.4]);

        Assert.Equal([0.1, 0.0, -0.1, 0.0], difference.Differences.Select(d => Math.Round(d, 12)));
        Assert.Equal(1, difference.ReferenceHigher);
        Assert.Equal(2, difference.Ties);
        Assert.Equal(0.0, difference.Mean, 12);
    }

    [Fact]
    public void Two_seeds_use_t_with_one_degree_of_freedom()
    {
        PairedDifference difference = PairedDifference.Of([3.0, 5.0], [1.0, 1.0]);

        // differences 2 and 4: mean 3, sample std sqrt(2), t_{0.975, 1} = 12.7062047.
        Assert.Equal(12.7062047 * Math.Sqrt(2.0) / Math.Sqrt(2.0), difference.HalfWidth!.Value, 5);
    }

    [Fact]
    public void One_seed_has_a_difference_but_no_spread_or_interval()
    {
        PairedDifference difference = PairedDifference.Of([0.8], [0.7]);

        Assert.Equal(0.1, difference.Mean, 12);
        Assert.Null(difference.Std);
        Assert.Null(difference.HalfWidth);
        Assert.Null(difference.Low);
        Assert.Equal(1, difference.ReferenceHigher);
    }

    [Fact]
    public void Unpaired_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([0.1, 0.2], [0.1]));
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([], []));
    }
}
