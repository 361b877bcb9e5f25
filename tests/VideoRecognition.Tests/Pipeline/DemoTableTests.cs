using VideoRecognition.Datasets;
using VideoRecognition.FewShot;
using VideoRecognition.Pipeline;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Pipeline;

public sealed class DemoTableTests
{
    [Fact]
    public void The_demo_table_says_it_is_one_seed_names_its_intervals_and_the_study_command()
    {
        FewShotResult Evaluation(int shot) => new(SplitPart.Novel, 5, shot, 5, new Seed(42), 4, FewShotClassifierKind.Prototype,
            [new ModelResult("full", AccuracyInterval.Of([0.2, 0.4, 0.6, 0.8]), [], new ConfusionMatrix([], []), null, [0.2, 0.4, 0.6, 0.8])]);

        string markdown = DemoTable.Markdown([Evaluation(1), Evaluation(5)], seed: 3, MachineDescription.Current());

        Assert.Contains("One seed (seed 3)", markdown);
        Assert.Contains("episode-sampling interval", markdown);
        Assert.Contains("`./vrec study --seeds 90,91,92,93,94`", markdown);
        Assert.Contains("| model | 1-shot (± episode-sampling 95%) | 5-shot (± episode-sampling 95%) |", markdown);
        Assert.Contains("| full | 50.00 ± 41.09 | 50.00 ± 41.09 |", markdown); // t_{0.975,3} * std / 2, as AccuracyIntervalTests works out
    }
}
