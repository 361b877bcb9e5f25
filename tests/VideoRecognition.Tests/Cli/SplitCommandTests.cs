using VideoRecognition.Datasets;

namespace VideoRecognition.Tests.Cli;

public sealed class SplitCommandTests
{
    private const string Annotations = """
        {
          "v_a": {"duration_second": 20.0, "annotations": [{"segment": [1.0, 5.0], "label": "Ballet"}]},
          "v_b": {"duration_second": 20.0, "annotations": [{"segment": [1.0, 5.0], "label": "Long jump"}]},
          "v_c": {"duration_second": 20.0, "annotations": [{"segment": [1.0, 5.0], "label": "Archery"}]},
          "v_d": {"duration_second": 20.0, "annotations": [{"segment": [1.0, 5.0], "label": "Curling"}]},
          "v_e": {"duration_second": 20.0, "annotations": [{"segment": [1.0, 5.0], "label": "Polo"}, {"segment": [9.0, 5.0], "label": "Polo"}]}
        }
        """;

    [Fact]
    public void Split_writes_a_seeded_file_and_check_accepts_it()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["anno.json"], Annotations);
        var result = VrecProcess.Run("split", "--annotations", temp["anno.json"], "--seed", "3", "--shares", "0.6,0.2,0.2", "--out", temp["split.txt"]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.False(VrecProcess.HasStackTrace(result.Output), result.Output);
        ClassSplit split = ClassSplit.Read(temp["split.txt"]);
        Assert.Equal((3, 1, 1), (split.Count(SplitPart.Base), split.Count(SplitPart.Val), split.Count(SplitPart.Novel)));
        Assert.Contains("video 'e', annotation 2", result.Stdout);
        Assert.Contains("split.txt", result.Stdout);
        Assert.Contains("# seed: 3", File.ReadAllText(temp["split.txt"]));

        var check = VrecProcess.Run("split", "--annotations", temp["anno.json"], "--check", temp["split.txt"]);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("fits", check.Stdout);
    }

    /// <summary>A segment a fraction of a second past its video's end is clamped as `vrec index` does, counted but not warned; one far past it is warned.</summary>
    [Fact]
    public void Check_warns_about_far_overruns_but_not_routine_clamps()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["anno.json"], Annotations
            .Replace("\"v_a\": {\"duration_second\": 20.0, \"annotations\": [{\"segment\": [1.0, 5.0]", "\"v_a\": {\"duration_second\": 20.0, \"annotations\": [{\"segment\": [1.0, 20.4]")
            .Replace("\"v_b\": {\"duration_second\": 20.0, \"annotations\": [{\"segment\": [1.0, 5.0]", "\"v_b\": {\"duration_second\": 20.0, \"annotations\": [{\"segment\": [1.0, 27.0]"));
        File.WriteAllText(temp["split.txt"], "base\tBallet\nbase\tLong jump\nbase\tArchery\nval\tCurling\nnovel\tPolo\n");
        var check = VrecProcess.Run("split", "--annotations", temp["anno.json"], "--check", temp["split.txt"]);

        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("video 'b'", check.Output);
        Assert.DoesNotContain("video 'a'", check.Output);
    }

    [Fact]
    public void Check_names_the_classes_a_split_gets_wrong()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["anno.json"], Annotations);
        File.WriteAllText(temp["mine.txt"], "# my split\nbase\tBallet\nbase\tLong jump\nval\tArchery\nnovel\tCurlling\n");
        var result = VrecProcess.Run("split", "--annotations", temp["anno.json"], "--check", temp["mine.txt"]);

        VrecProcess.AssertRefused(result, "'Curlling'", "'Curling', 'Polo'");
    }

    [Fact]
    public void A_missing_annotation_file_is_named_with_exit_code_2()
    {
        using var temp = new TempFolder();
        var result = VrecProcess.Run("split", "--annotations", temp["nowhere.json"], "--out", temp["split.txt"]);
        VrecProcess.AssertRefused(result, "nowhere.json", "does not exist");
        Assert.False(File.Exists(temp["split.txt"]));
    }

    [Fact]
    public void A_malformed_annotation_file_is_named_with_its_line_and_exit_code_2()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["bad.json"], "{\n  \"v_a\": {\"duration_second\": 2\n");
        var result = VrecProcess.Run("split", "--annotations", temp["bad.json"], "--out", temp["split.txt"]);
        VrecProcess.AssertRefused(result, "bad.json' is not valid JSON (line");
    }

    [Fact]
    public void Without_annotations_or_output_it_is_a_usage_error()
    {
        var result = VrecProcess.Run("split", "--out", "x.txt");
        VrecProcess.AssertRefused(result, "--annotations");
    }

    /// <summary>The shipped v1.3 split is exactly what `vrec split --seed 0` makes from the real annotations, so anyone can regenerate it.</summary>
    [SharedDataFact("activitynet")]
    public void The_shipped_v13_split_is_what_vrec_split_generates_for_seed_0()
    {
        using var temp = new TempFolder();
        string real = Path.Combine(SharedDataFactAttribute.SharedDataPath("activitynet")!, "anet_anno_action.json");
        var result = VrecProcess.Run("split", "--annotations", real, "--seed", "0", "--out", temp["anet13.txt"]);
        Assert.True(result.ExitCode == 0, result.Output);

        string shipped = Path.Combine(RepositoryPaths.Root, "datasets", "activitynet", "anet13_split_seed0.txt");
        Assert.Equal(File.ReadAllBytes(shipped), File.ReadAllBytes(temp["anet13.txt"]));
        ClassSplit split = ClassSplit.Read(shipped);
        Assert.Equal((128, 32, 40), (split.Count(SplitPart.Base), split.Count(SplitPart.Val), split.Count(SplitPart.Novel)));
        string names = Path.Combine(SharedDataFactAttribute.SharedDataPath("activitynet")!, "action_name.csv");
        Assert.True(ClassSplitCoverage.Check(split, ClassListFile.Read(names)).IsExact);
    }
}
