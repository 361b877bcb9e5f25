using VideoRecognition.Training;

namespace VideoRecognition.Tests.Training;

public sealed class TrainingLogTests
{
    [Fact]
    public void The_last_epoch_line_gives_its_numbers_by_name_including_fields_the_record_does_not_know()
    {
        using var temp = new TempFolder();
        string log = temp["train.jsonl"];
        File.WriteAllLines(log,
        [
            """{"kind":"epoch","epoch":1,"step":3,"loss":2.5,"nbg_precision":0.4,"nbg_auroc_background":0.6}""",
            """{"kind":"epoch","epoch":2,"step":6,"loss":1.5,"nbg_precision":0.7,"nbg_auroc_background":0.93,"fg_mean_weight":0.8,"ibg_precision":null}""",
            """{"kind":"step","epoch":3,"step":7,"loss":9.0,"nbg_precision":0.1}""",
        ]);

        var numbers = TrainingLog.LastEpochNumbers(log);

        Assert.Equal(0.7, numbers["nbg_precision"]);
        Assert.Equal(0.93, numbers["nbg_auroc_background"]);
        Assert.Equal(0.8, numbers["fg_mean_weight"]);
        Assert.Equal(1.5, numbers["loss"]);
        Assert.False(numbers.ContainsKey("ibg_precision")); // null: not measured
        Assert.False(numbers.ContainsKey("kind"));
    }

    [Fact]
    public void A_missing_log_or_one_without_epochs_gives_nothing()
    {
        using var temp = new TempFolder();
        Assert.Empty(TrainingLog.LastEpochNumbers(temp["none.jsonl"]));
        File.WriteAllText(temp["steps.jsonl"], """{"kind":"step","epoch":1,"step":1,"loss":2.0}""" + "\n");
        Assert.Empty(TrainingLog.LastEpochNumbers(temp["steps.jsonl"]));
    }
}
