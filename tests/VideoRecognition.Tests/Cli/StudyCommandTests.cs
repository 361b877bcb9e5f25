namespace VideoRecognition.Tests.Cli;

/// <summary>`vrec study` refuses a bad seed list or mode before any work: one message, exit code 2, no stack trace.</summary>
public sealed class StudyCommandTests
{
    [Theory]
    [InlineData("holds no seed", "--seeds", "")]
    [InlineData("seed 1 is given twice", "--seeds", "0,1,1")]
    [InlineData("'two' is not a seed", "--seeds", "0,two")]
    [InlineData("'-3' is not a seed", "--seeds", "-3")]
    [InlineData("--seed-count '0'", "--seed-count", "0")]
    [InlineData("--seed-count 'many'", "--seed-count", "many")]
    [InlineData("'x' is not a seed", "--only", "x")]
    [InlineData("--only 9 is not one of the study's seeds (0,1,2,3,4)", "--only", "9")]
    [InlineData("--seeds or --seed-count, not both", "--seeds", "0,1", "--seed-count", "2")]
    [InlineData("--only and --aggregate do not go together", "--only", "1", "--aggregate")]
    [InlineData("--seed does not apply to a study", "--seed", "3")]
    [InlineData("a study sets the seed of each run itself", "--set", "seed=3")]
    public void Bad_seed_arguments_are_usage_errors(string expected, params string[] args)
    {
        using var temp = new TempFolder();
        var result = VrecProcess.Run(["study", "--out", temp["study"], .. args]);

        VrecProcess.AssertRefused(result, expected);
        Assert.False(Directory.Exists(temp["study/seed-0"]), "nothing may run before the arguments are checked");
    }

    [Fact]
    public void Aggregating_a_study_that_has_not_run_names_every_missing_seed()
    {
        using var temp = new TempFolder();
        var result = VrecProcess.Run("study", "--aggregate", "--seeds", "4,7", "--out", temp["study"]);

        VrecProcess.AssertRefused(result, "seed 4 has not run", "seed 7 has not run", "--only");
        Assert.False(File.Exists(temp["study/study.json"]));
    }

    [Fact]
    public void Help_lists_the_study_command()
    {
        var result = VrecProcess.Run("--help");
        Assert.Contains("study", result.Stdout);
    }
}
