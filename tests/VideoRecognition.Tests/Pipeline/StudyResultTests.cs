using VideoRecognition.Pipeline;

namespace VideoRecognition.Tests.Pipeline;

public sealed class StudyResultTests
{
    private const double T2 = 4.3026527; // t_{0.975, 2}, from a t table
    private const double T1 = 12.7062047; // t_{0.975, 1}

    private readonly StudyResult result = StudyResult.Of(StudySamples.Plan, StudySamples.Seeds());

    [Fact]
    public void Across_seeds_each_model_gets_the_mean_and_sample_std_of_its_per_seed_values()
    {
        // full 1-shot 0.6, 0.7, 0.8: mean 0.7, sample std sqrt((0.01 + 0 + 0.01) / 2) = 0.1.
        var full = Summary("full", "accuracy_1shot");
        Assert.Equal(3, full.Seeds);
        Assert.Equal(0.7, full.Mean, 12);
        Assert.Equal(0.1, full.Std!.Value, 12);

        // baseline 5-shot 0.9, 0.8, 1.0: mean 0.9, std 0.1.
        Assert.Equal(0.1, Summary("baseline", "accuracy_5shot").Std!.Value, 12);
    }

    [Fact]
    public void A_metric_missing_in_a_seed_is_summarised_over_the_seeds_that_have_it()
    {
        var iou = Summary("full", "mean_tiou");
        Assert.Equal(2, iou.Seeds);
        Assert.Equal(0.55, iou.Mean, 12);
        Assert.Equal(Math.Sqrt(0.005), iou.Std!.Value, 12); // (0.05^2 + 0.05^2) / 1
    }

    [Fact]
    public void Full_minus_baseline_is_paired_by_seed_with_a_t_interval()
    {
        var pair = Comparison("baseline", "accuracy_1shot");

        // differences 0.10, 0.05, 0.20: mean 0.35 / 3; squared deviations from it, over n - 1 = 2.
        double mean = 0.35 / 3;
        double std = Math.Sqrt((Math.Pow(0.10 - mean, 2) + Math.Pow(0.05 - mean, 2) + Math.Pow(0.20 - mean, 2)) / 2);
        Assert.Equal("full", pair.Reference);
        Assert.Equal([0, 1, 2], pair.Seeds);
        Assert.Equal(mean, pair.Mean, 12);
        Assert.Equal(std, pair.Std!.Value, 12);
        Assert.Equal(T2 * std / Math.Sqrt(3), pair.Ci95HalfWidth!.Value, 6);
        Assert.Equal(mean - (T2 * std / Math.Sqrt(3)), pair.Ci95Low!.Value, 6);
        Assert.Equal(3, pair.ReferenceHigher);
        Assert.Equal(0, pair.Ties);
    }

    [Fact]
    public void Wins_ties_and_seeds_without_a_value_are_told_apart()
    {
        // 5-shot: full 0.9 everywhere, baseline 0.9, 0.8, 1.0 -> differences 0, +0.1, -0.1.
        var fiveShot = Comparison("baseline", "accuracy_5shot");
        Assert.Equal(1, fiveShot.ReferenceHigher);
        Assert.Equal(1, fiveShot.Ties);
        Assert.Equal(0.0, fiveShot.Mean, 12);

        // tIoU: seed 2 has none, so 2 pairs: 0.1 and 0.3 -> mean 0.2, std sqrt(0.02), t with 1 degree of freedom.
        var iou = Comparison("baseline", "mean_tiou");
        Assert.Equal([0, 1], iou.Seeds);
        Assert.Equal(0.2, iou.Mean, 12);
        Assert.Equal(T1 * Math.Sqrt(0.02) / Math.Sqrt(2), iou.Ci95HalfWidth!.Value, 5);
    }

    [Fact]
    public void Training_numbers_are_summarised_where_logged_and_full_is_not_compared_with_itself()
    {
        Assert.Equal(0.9, Summary("full", "nbg_auroc_background").Mean, 12);
        Assert.DoesNotContain(result.AcrossSeeds, s => s.Model == "baseline" && s.Metric == "nbg_auroc_background");
        Assert.DoesNotContain(result.Paired, c => c.Metric == "nbg_auroc_background" && c.Model == "baseline");
        Assert.DoesNotContain(result.Paired, c => c.Model == "full");
        Assert.Equal(["baseline", "no-contrastive"], result.Paired.Select(c => c.Model).Distinct());

        // no-contrastive has full's numbers in every seed: every difference is 0 and so is the interval.
        var same = Comparison("no-contrastive", "accuracy_1shot");
        Assert.Equal(0.0, same.Ci95HalfWidth!.Value);
        Assert.Equal(3, same.Ties);
    }

    [Fact]
    public void The_settings_come_from_the_plan_and_the_seeds()
    {
        Assert.Equal([0, 1, 2], result.Seeds);
        Assert.Equal("my.yaml", result.Config);
        Assert.Equal(["train.epochs=2", "eval.episodes=20"], result.Overrides);
        Assert.Equal((5, 5, 20, "prototype", "novel"), (result.Way, result.Query, result.Episodes, result.Classifier, result.Split));
        Assert.Equal(3, result.PerSeed.Count);
    }

    private StudyMetricSummary Summary(string model, string metric) => result.AcrossSeeds.Single(s => s.Model == model && s.Metric == metric);

    private StudyComparison Comparison(string model, string metric) => result.Paired.Single(c => c.Model == model && c.Metric == metric);
}
