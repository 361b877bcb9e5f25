using VideoRecognition.Configuration;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Runs;

namespace VideoRecognition.Tests.Cli;

public sealed class SynthCommandTests
{
    [Fact]
    public void Synth_writes_the_dataset_and_the_effective_config_with_the_flags_applied()
    {
        using var temp = new TempFolder();
        string output = temp["synth"];
        var result = VrecProcess.Run("synth", "--out", output, "--classes", "8", "--videos-per-class", "2",
            "--seed", "5", "--set", "synth.duration_scale=0.05", "--set", "synth.split.val=0.2", "--set", "synth.split.base=0.55");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.False(VrecProcess.HasStackTrace(result.Output), result.Output);
        var effective = RunConfigFile.Load(Path.Combine(output, RunConfigFile.EffectiveConfigFileName));
        Assert.Equal(5, effective.Seed);
        Assert.Equal(8, effective.Synth.Classes);
        Assert.Equal(0.05, effective.Synth.DurationScale);
        Assert.Equal((0.55, 0.2, 0.25), (effective.Synth.Split.Base, effective.Synth.Split.Val, effective.Synth.Split.Novel));

        var annotations = ActivityNetJson.Read(Path.Combine(output, "annotations.json"));
        Assert.Equal(16, annotations.Database.Count);
        Assert.Equal(16, Directory.GetFiles(Path.Combine(output, "videos"), "v_*.mp4").Length);
    }

    [Fact]
    public void Unwritable_output_folder_fails_with_its_name_before_any_work()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["a-file"], "not a folder");
        string output = temp["a-file/synth"];
        var result = VrecProcess.Run("synth", "--out", output, "--classes", "6", "--videos-per-class", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a-file/synth", result.Stderr);
        Assert.Contains("cannot be written", result.Stderr);
        Assert.False(VrecProcess.HasStackTrace(result.Output), result.Output);
    }

    [Fact]
    public void Invalid_split_is_refused_before_any_work()
    {
        using var temp = new TempFolder();
        var result = VrecProcess.Run("synth", "--out", temp["synth"], "--set", "synth.split.novel=0.5");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("synth.split", result.Stderr);
        Assert.Contains("add up to 1", result.Stderr);
        Assert.False(Directory.Exists(temp["synth/videos"]));
    }
}
