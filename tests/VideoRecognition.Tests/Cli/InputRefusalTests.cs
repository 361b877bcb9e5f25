namespace VideoRecognition.Tests.Cli;

/// <summary>Values that cannot mean anything are refused with a message naming them, before any work starts.</summary>
public sealed class InputRefusalTests
{
    [Theory]
    [InlineData("--count", "-1", "--count must be a whole number of videos, at least 1; got -1")]
    [InlineData("--count", "0", "--count must be a whole number of videos, at least 1; got 0")]
    [InlineData("--videos", ",", "--videos ',' names no video")]
    [InlineData("--videos", " , ,", "--videos ' , ,' names no video")]
    public void Inspect_refuses_an_empty_selection_of_videos(string flag, string value, string expected)
    {
        using var temp = new TempFolder();
        var result = VrecProcess.Run("inspect", "--checkpoint", temp["no-such-checkpoint"], flag, value, "--out", temp["report"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.False(Directory.Exists(temp["report"]), "an empty report was written");
        Assert.False(VrecProcess.HasStackTrace(result.Output), result.Output);
    }

    [Fact]
    public void Inspect_refuses_a_results_file_that_is_not_one_before_making_the_report_folder()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["checkpoint"]);
        File.WriteAllText(temp["results.json"], "{\"way\": 5}");
        var result = VrecProcess.Run("inspect", "--checkpoint", temp["checkpoint"], "--videos", "synth00001", "--results", temp["results.json"], "--out", temp["report"]);

        VrecProcess.AssertRefused(result, "results.json' is not a few-shot result JSON", "no 'split'");
        Assert.False(Directory.Exists(temp["report"]), "a report folder was made for a refused run");
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("eval")]
    public void A_model_pt_given_as_checkpoint_is_named_as_a_file_and_the_folder_is_suggested(string command)
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["run/checkpoints/best"]);
        File.WriteAllBytes(temp["run/model.pt"], [0x80, 0x02]);
        var result = VrecProcess.Run(command, "--checkpoint", temp["run/model.pt"], "--out", temp["out"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"checkpoint '{temp["run/model.pt"]}' is a file", result.Stderr);
        Assert.Contains(temp["run/checkpoints/best"], result.Stderr);
        Assert.DoesNotContain("does not exist", result.Stderr);
        Assert.False(VrecProcess.HasStackTrace(result.Output), result.Output);
    }
}
