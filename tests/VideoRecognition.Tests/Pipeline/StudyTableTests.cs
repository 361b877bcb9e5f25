using System.Globalization;
using VideoRecognition.Pipeline;

namespace VideoRecognition.Tests.Pipeline;

public sealed class StudyTableTests
{
    private readonly string markdown = StudyTable.Markdown(StudyResult.Of(StudySamples.Plan, StudySamples.Seeds()));

    [Fact]
    public void The_settings_line_names_the_seeds_the_config_and_every_override()
    {
        Assert.Contains("3 seeds (0, 1, 2)", markdown);
        Assert.Contains("Config: my.yaml", markdown);
        Assert.Contains("`train.epochs=2`", markdown);
        Assert.Contains("`eval.episodes=20`", markdown);
        Assert.Contains("5-way, 5 queries per class, 20 episodes", markdown);
    }

    [Fact]
    public void Across_seeds_shows_mean_and_std_in_percent_and_how_many_seeds_measured_a_metric()
    {
        // full: 1-shot 70.00 ± 10.00, 5-shot 90.00 ± 0.00, tIoU over 2 seeds 0.550 ± 0.071, AUROC 0.900 ± 0.050.
        Assert.Contains("| model | 1-shot accuracy (%) | 5-shot accuracy (%) | mean tIoU | mAP@0.5 | NBG AUROC (background) |", markdown);
        Assert.Contains("| full | 70.00 ± 10.00 | 90.00 ± 0.00 | 0.550 ± 0.071 (n=2) | 0.275 ± 0.035 (n=2) | 0.900 ± 0.050 |", markdown);
        Assert.Contains("| baseline | 58.33 ± 7.64 | 90.00 ± 10.00 | 0.350 ± 0.071 (n=2) | 0.175 ± 0.035 (n=2) | - |", markdown);
        Assert.DoesNotContain("nbg_precision", markdown); // collected for study.json, not a table column
    }

    [Fact]
    public void Paired_rows_give_the_mean_difference_its_t_interval_and_the_wins()
    {
        double mean = 0.35 / 3;
        double std = Math.Sqrt((Math.Pow(0.10 - mean, 2) + Math.Pow(0.05 - mean, 2) + Math.Pow(0.20 - mean, 2)) / 2);
        double half = 4.3026527 * std / Math.Sqrt(3);
        string Pp(double v) => (100 * v).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

        Assert.Contains($"| full - baseline | 1-shot accuracy (pp) | {Pp(mean)} | [{Pp(mean - half)}, {Pp(mean + half)}] | 3 of 3 | +10.00, +5.00, +20.00 |", markdown);
        Assert.Contains("| full - baseline | 5-shot accuracy (pp) | 0.00 | [", markdown);
        Assert.Contains("| 1 of 3 (1 tied) | 0.00, +10.00, -10.00 |", markdown);
        Assert.Contains("| full - baseline | mean tIoU | +0.200 |", markdown);
        Assert.Contains("| 2 of 2 | +0.100, +0.300 |", markdown);
    }

    [Fact]
    public void Per_seed_rows_carry_the_episode_sampling_interval_under_that_name()
    {
        Assert.Contains("episode-sampling", markdown);
        Assert.Contains("| seed | model | 1-shot accuracy (% ± episode-sampling 95% interval) |", markdown);
        Assert.Contains("| 0 | full | 60.00 ± 5.00 | 90.00 ± 3.00 | 0.500 | 0.250 | 0.900 |", markdown);
        Assert.Contains("| 2 | baseline | 60.00 ± 5.00 | 100.00 ± 3.00 | - | - | - |", markdown);
    }

    [Fact]
    public void Without_logged_AUROC_there_is_no_AUROC_column()
    {
        string plain = StudyTable.Markdown(StudyResult.Of(StudySamples.Plan, StudySamples.Seeds(withAuroc: false)));
        Assert.DoesNotContain("AUROC", plain);
        Assert.Contains("| full | 70.00 ± 10.00 | 90.00 ± 0.00 | 0.550 ± 0.071 (n=2) | 0.275 ± 0.035 (n=2) |\n", plain);
    }
}
