using VideoRecognition.FewShot;

namespace VideoRecognition.Tests.FewShot;

public sealed class AcrossSeedsTests
{
    [Fact]
    public void Three_seeds_give_the_hand_computed_mean_and_sample_std()
    {
        AcrossSeeds summary = AcrossSeeds.Of([0.2, 0.4, 0.9]);

        // mean 0.5; squared deviations 0.09 + 0.01 + 0.16 = 0.26; sample variance (n - 1 = 2) 0.13.
        Assert.Equal(3, summary.Seeds);
        Assert.Equal(0.5, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(0.13), summary.Std!.Value, 12);
    }

    [Fact]
    public void One_seed_has_no_spread()
    {
        AcrossSeeds summary = AcrossSeeds.Of([0.7]);

        Assert.Equal(0.7, summary.Mean);
        Assert.Null(summary.Std);
        Assert.Throws<ArgumentException>(() => AcrossSeeds.Of([]));
    }
}
