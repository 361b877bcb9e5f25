using System.Diagnostics;
using VideoRecognition.Features;
using VideoRecognition.Tests.Cli;

namespace VideoRecognition.Tests.Training;

/// <summary>`vrec train` as a user runs it: a real process, killed with SIGKILL, resumed.</summary>
public sealed class TrainCommandTests(TrainingDataset dataset) : IClassFixture<TrainingDataset>
{
    [Fact]
    public void A_run_killed_mid_way_resumes_to_the_weights_of_an_uninterrupted_run()
    {
        using var temp = new TempFolder();
        string[] settings = ["train.epochs=12", "train.batch_size=4"];
        var uninterrupted = VrecProcess.Run("train", "--config", dataset.ConfigFile(temp["whole"], settings));
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Output);

        // A second run into the finished folder, with another seed and no --resume, is refused and leaves the
        // folder's effective config describing the run that made it.
        byte[] savedConfig = File.ReadAllBytes(temp["whole/effective-config.yaml"]);
        var refused = VrecProcess.Run("train", "--config", dataset.ConfigFile(temp["whole"], settings), "--seed", "5");
        VrecProcess.AssertRefused(refused, "already holds a training run");
        Assert.Equal(savedConfig, File.ReadAllBytes(temp["whole/effective-config.yaml"]));

        string config = dataset.ConfigFile(temp["killed"], settings);
        using (var process = VrecProcess.Start("train", "--config", config))
        {
            var clock = Stopwatch.StartNew();
            while (!Directory.Exists(temp["killed/checkpoints/epoch-0003"]) && !process.HasExited && clock.Elapsed < HangGuard.Limit)
            {
                Thread.Sleep(10);
            }

            Assert.False(process.HasExited, "training finished before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Assert.False(File.Exists(temp["killed/model.pt"]));
        var resumed = VrecProcess.Run("train", "--config", config, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("Resuming from", resumed.Stdout);
        Assert.Equal(File.ReadAllBytes(temp["whole/checkpoints/epoch-0012/model.bin"]), File.ReadAllBytes(temp["killed/checkpoints/epoch-0012/model.bin"]));
        Assert.Equal(File.ReadAllBytes(temp["whole/checkpoints/best/model.bin"]), File.ReadAllBytes(temp["killed/checkpoints/best/model.bin"]));
        // The resumed log tells the same story: every epoch once (0 is the untrained model), none lost at the resume.
        int[] EpochLines(string run) => VideoRecognition.Training.TrainingLog.Read(Path.Combine(run, "train.jsonl")).Where(r => r.Kind == "epoch").Select(r => r.Epoch).ToArray();
        Assert.Equal(Enumerable.Range(0, 13), EpochLines(temp["killed"]));
        Assert.Equal(EpochLines(temp["whole"]), EpochLines(temp["killed"]));

        // model.pt is a zip whose entries carry the time they were written, so compare what it holds.
        var whole = VideoRecognition.Backbones.WeightsFile.Read(temp["whole/model.pt"]);
        var killed = VideoRecognition.Backbones.WeightsFile.Read(temp["killed/model.pt"]);
        Assert.Equal(whole.Keys.Order(), killed.Keys.Order());
        Assert.All(whole, p => Assert.True(p.Value.eq(killed[p.Key]).all().item<bool>(), p.Key));
    }

    [Fact]
    public void A_diverging_run_stops_and_names_the_step_the_loss_parts_and_the_last_checkpoint()
    {
        using var temp = new TempFolder();
        // A store whose features are NaN: the loss is NaN at the first step.
        using var source = FeatureStore.Open(dataset.BaseConfig.Features.Output);
        var layout = new FeatureStoreLayout(temp["nan-features"]);
        using (var writer = FeatureStoreWriter.OpenOrResume(layout, source.Manifest))
        {
            var floats = new float[source.Manifest.FloatsPerVideo];
            Array.Fill(floats, float.NaN);
            foreach (var entry in source.Videos)
            {
                writer.Append(entry, floats);
            }

            writer.Complete();
        }

        var result = VrecProcess.Run("train", "--config", dataset.ConfigFile(temp["run"], $"features.output={layout.Folder}", "model.warmup_epochs=0", "train.batch_size=64"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the loss became NaN at epoch 1, step 1", result.Stderr);
        Assert.Contains("soft-cls", result.Stderr);
        Assert.Contains("Last good checkpoint: none", result.Stderr);
        Assert.False(VrecProcess.HasStackTrace(result.Output), result.Output);
    }
}
