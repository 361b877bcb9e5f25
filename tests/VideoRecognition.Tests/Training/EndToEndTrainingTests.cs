using System.Diagnostics;
using VideoRecognition.Backbones;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;
using VideoRecognition.Tests.Model;
using VideoRecognition.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Training;

/// <summary>train.mode end_to_end in process: the backbone trains with the heads, and --resume continues it exactly.</summary>
[Collection(TorchGlobalRandomCollection.Name)]
public sealed class EndToEndTrainingTests(EndToEndDataset dataset, ITestOutputHelper output) : IClassFixture<EndToEndDataset>
{
    [Fact]
    public void The_backbone_trains_with_the_heads_and_a_resumed_run_ends_with_the_weights_of_an_uninterrupted_one()
    {
        using var temp = new TempFolder();
        var clock = Stopwatch.StartNew();
        var whole = dataset.Config(temp["whole"]);
        var summary = TrainingJob.Train(whole, resume: false, SilentProgress.Instance, CancellationToken.None);
        output.WriteLine($"2 epochs end to end (4 videos, ResNet-18 64 px): {clock.Elapsed.TotalSeconds:0.0} s, {summary.VideosPerSecond:0.0} videos/s");

        var records = TrainingLog.Read(Path.Combine(temp["whole"], "train.jsonl"));
        Assert.Equal(2, records.Count(r => r.Kind == "epoch" && r.Epoch > 0));
        Assert.All(records.Where(r => r.Epoch > 0), r => Assert.True(double.IsFinite(r.Loss), $"loss {r.Loss} at step {r.Step}"));
        Assert.Contains(records, r => r.ContrastiveLoss is not null);
        Assert.True(File.Exists(Path.Combine(temp["whole"], "backbone.pt")));

        // The backbone moved from its initial weights, except the stem that backbone.frozen_stages 1 keeps.
        using (var initial = (ResNetBackbone)ExtractionJob.CreateBackbone(whole))
        using (var trained = (ResNetBackbone)ExtractionJob.CreateBackbone(whole))
        {
            trained.Module.load(CheckpointStore.BackboneFile(temp["whole/checkpoints/epoch-0002"]));
            var before = initial.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            var changed = trained.Module.named_parameters().Where(p => !p.parameter.eq(before[p.name]).all().item<bool>()).Select(p => p.name).ToList();
            Assert.DoesNotContain("conv1.weight", changed);
            Assert.Contains("layer4.1.conv2.weight", changed);
            Assert.Contains("layer1.0.conv1.weight", changed);
        }

        // Stopped right after epoch 1's checkpoint, then resumed.
        using var stop = new CancellationTokenSource();
        var stopAfterFirstEpoch = new StopOnLog("epoch 1/2", stop);
        Assert.ThrowsAny<OperationCanceledException>(() => TrainingJob.Train(dataset.Config(temp["resumed"]), false, stopAfterFirstEpoch, stop.Token));
        Assert.True(Directory.Exists(temp["resumed/checkpoints/epoch-0001"]));
        Assert.False(Directory.Exists(temp["resumed/checkpoints/epoch-0002"]));
        TrainingJob.Train(dataset.Config(temp["resumed"]), resume: true, SilentProgress.Instance, CancellationToken.None);

        foreach (string file in new[] { "model.bin", "backbone.bin" })
        {
            Assert.True(
                File.ReadAllBytes(temp["whole/checkpoints/epoch-0002/" + file]).SequenceEqual(File.ReadAllBytes(temp["resumed/checkpoints/epoch-0002/" + file])),
                $"{file} of the resumed run differs from the uninterrupted run's");
        }

        output.WriteLine($"whole test: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void Resuming_an_end_to_end_run_in_cached_mode_is_refused()
    {
        using var temp = new TempFolder();
        TrainingJob.Train(dataset.Config(temp["run"], "train.epochs=1", "train.warmup_epochs=0"), false, SilentProgress.Instance, CancellationToken.None);
        var identity = CheckpointStore.ReadState(temp["run/checkpoints/epoch-0001"]);
        Assert.Equal(TrainingMode.EndToEnd, identity.Mode);
        var e = Assert.Throws<VideoRecognition.Runtime.BadInputException>(() => CheckpointCompatibility.Require(identity, identity with { Mode = TrainingMode.Cached }, "run"));
        Assert.Contains("train.mode end_to_end", e.Message);
    }

    /// <summary>Cancels the run when a log line starts with the given text: a Ctrl+C at a known point.</summary>
    private sealed class StopOnLog(string prefix, CancellationTokenSource stop) : IProgressReporter
    {
        public IProgressTask Start(string description, long total, string unit) => SilentProgress.Instance.Start(description, total, unit);

        public void Log(LogLevel level, string message)
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                stop.Cancel();
            }
        }
    }
}
