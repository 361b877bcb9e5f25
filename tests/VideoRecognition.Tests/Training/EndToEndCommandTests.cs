using System.Diagnostics;
using VideoRecognition.Runtime;
using VideoRecognition.Tests.Cli;
using Xunit.Abstractions;

namespace VideoRecognition.Tests.Training;

/// <summary>`vrec train` in end_to_end mode as a user runs it: a real process.</summary>
public sealed class EndToEndCommandTests(EndToEndDataset dataset, ITestOutputHelper output) : IClassFixture<EndToEndDataset>
{
    /// <summary>
    /// ResNet-50's backward pass kills libtorch with SIGFPE (exit 136) on CPUs that hide their cache topology
    /// (this build machine) unless oneDNN is limited to AVX before it starts; `vrec train` must do that itself.
    /// The variable is removed from the child's environment so the run relies on vrec alone.
    /// </summary>
    [Fact]
    public void Training_resnet50_end_to_end_on_the_cpu_does_not_crash()
    {
        using var temp = new TempFolder();
        string config = dataset.ConfigFile(
            temp["run"], "backbone.architecture=resnet50", "train.epochs=1", "train.warmup_epochs=0", "video.segments=2");
        var clock = Stopwatch.StartNew();
        var result = VrecProcess.RunWith(new Dictionary<string, string?> { [OneDnnGuard.Variable] = null }, RepositoryPaths.TestOutput, "train", "--config", config);
        output.WriteLine($"vrec train, ResNet-50 end to end, 1 epoch of 4 videos x 2 segments at 64 px: {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"CacheTopologyHidden: {OneDnnGuard.CacheTopologyHidden()}");

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode} (136 is SIGFPE)\n{result.Output}");
        if (OneDnnGuard.CacheTopologyHidden())
        {
            Assert.Contains(OneDnnGuard.Variable, result.Stdout);
        }

        Assert.True(File.Exists(Path.Combine(temp["run"], "checkpoints", "epoch-0001", "backbone.bin")));
    }

    [Fact]
    public void End_to_end_with_a_frozen_backbone_is_refused_with_the_key_to_change()
    {
        using var temp = new TempFolder();
        var result = VrecProcess.Run("train", "--config", dataset.ConfigFile(temp["run"], "backbone.trainable=false"));
        VrecProcess.AssertRefused(result, "backbone.trainable", "end_to_end");
        Assert.False(Directory.Exists(temp["run/checkpoints"]));
    }
}
