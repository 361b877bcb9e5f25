using System.Text.Json;
using VideoRecognition.FewShot;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;
using VideoRecognition.Tests.Cli;
using VideoRecognition.Tests.Model;
using VideoRecognition.Tests.Training;

namespace VideoRecognition.Tests.Pipeline;

/// <summary>`vrec eval` on a real trained checkpoint: replay, and every kind of bad input answered with exit code 2.</summary>
[Collection(TorchGlobalRandomCollection.Name)]
public sealed class EvalCommandTests : IClassFixture<TrainingDataset>, IDisposable
{
    private readonly TrainingDataset dataset;
    private readonly TempFolder temp = new();
    private readonly string config;
    private readonly string checkpoint;

    public EvalCommandTests(TrainingDataset dataset)
    {
        this.dataset = dataset;
        config = dataset.ConfigFile(temp["run"], "train.epochs=2", "eval.split=base", "eval.way=3", "eval.query=2", "eval.episodes=60");
        TrainingJob.Train(dataset.Config(temp["run"], "train.epochs=2"), false, SilentProgress.Instance, CancellationToken.None);
        checkpoint = temp["run/checkpoints/best"];
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_saved_episode_set_replays_to_the_same_accuracy()
    {
        var first = VrecProcess.Run("eval", "--config", config, "--checkpoint", checkpoint, "--out", temp["eval1"]);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("± ", first.Stdout);
        string episodes = Directory.GetFiles(temp["eval1"], "episodes-*.json").Single();

        var replay = VrecProcess.Run("eval", "--config", config, "--checkpoint", checkpoint, "--replay", episodes, "--seed", "99", "--out", temp["eval2"]);
        Assert.True(replay.ExitCode == 0, replay.Output);
        Assert.Equal(Accuracy(temp["eval1"]), Accuracy(temp["eval2"]));
        Assert.Equal(File.ReadAllBytes(episodes), File.ReadAllBytes(Directory.GetFiles(temp["eval2"], "episodes-*.json").Single()));
    }

    [Fact]
    public void A_replay_file_that_is_not_an_episode_set_is_refused_before_any_model_is_embedded()
    {
        File.WriteAllText(temp["results.json"], "{\"split\": \"base\", \"models\": []}");
        var result = VrecProcess.Run("eval", "--config", config, "--checkpoint", checkpoint, "--replay", temp["results.json"], "--out", temp["e"]);

        VrecProcess.AssertRefused(result, "results.json' is malformed: missing 'format_version'");
        Assert.DoesNotContain("Embedding", result.Output);
    }

    [Fact]
    public void A_replayed_episode_with_a_video_the_store_lacks_is_refused_before_any_model_is_embedded()
    {
        var first = VrecProcess.Run("eval", "--config", config, "--checkpoint", checkpoint, "--out", temp["eval1"]);
        Assert.True(first.ExitCode == 0, first.Output);
        string episodes = Directory.GetFiles(temp["eval1"], "episodes-*.json").Single();
        EpisodeSet set = EpisodeSetJson.Read(episodes);
        string someone = set.Episodes[0].Query[0][0];
        File.WriteAllText(temp["other.json"], File.ReadAllText(episodes).Replace($"\"{someone}\"", "\"not-in-the-store\"", StringComparison.Ordinal));

        var result = VrecProcess.Run("eval", "--config", config, "--checkpoint", checkpoint, "--replay", temp["other.json"], "--out", temp["e"]);

        VrecProcess.AssertRefused(result, "uses video 'not-in-the-store'");
        Assert.DoesNotContain("Embedding", result.Output);
    }

    [Fact]
    public void Evaluating_from_the_videos_gives_what_the_cached_features_give()
    {
        var cached = VrecProcess.Run("eval", "--config", config, "--checkpoint", checkpoint, "--out", temp["cached"]);
        Assert.True(cached.ExitCode == 0, cached.Output);

        string freshStore = temp["fresh-features"];
        var fromVideos = VrecProcess.Run("eval", "--config", config, "--checkpoint", checkpoint, "--from-videos", "--set", $"features.output={freshStore}", "--set", $"data.index={temp["fresh-index"]}", "--out", temp["from-videos"]);
        Assert.True(fromVideos.ExitCode == 0, fromVideos.Output);
        Assert.True(File.Exists(Path.Combine(freshStore, "COMPLETE")));
        Assert.Equal(Accuracy(temp["cached"]), Accuracy(temp["from-videos"]));
    }

    [Fact]
    public void Fewer_classes_than_way_is_a_usage_error()
    {
        VrecProcess.AssertRefused(VrecProcess.Run("eval", "--config", config, "--checkpoint", checkpoint, "--way", "50", "--out", temp["e"]), "50-way");
    }

    [Fact]
    public void Fewer_videos_than_shot_plus_query_is_a_usage_error()
    {
        VrecProcess.AssertRefused(VrecProcess.Run("eval", "--config", config, "--checkpoint", checkpoint, "--shot", "5", "--query", "5", "--out", temp["e"]), "at least 10 videos");
    }

    [Fact]
    public void An_empty_split_is_a_usage_error()
    {
        string split = temp["no-novel.txt"];
        File.WriteAllLines(split, File.ReadAllLines(dataset.BaseConfig.Data.Splits).Where(l => !l.StartsWith("novel\t", StringComparison.Ordinal)));
        VrecProcess.AssertRefused(VrecProcess.Run("eval", "--config", config, "--checkpoint", checkpoint, "--split", "novel", "--set", $"data.splits={split}", "--out", temp["e"]), "no novel classes");
    }

    [Fact]
    public void A_checkpoint_for_another_backbone_is_a_usage_error()
    {
        string other = CopyCheckpoint("other-backbone", json => json.Replace("\"feature_dimension\": 512", "\"feature_dimension\": 2048", StringComparison.Ordinal));
        VrecProcess.AssertRefused(VrecProcess.Run("eval", "--config", config, "--checkpoint", other, "--out", temp["e"]), "2048-d");
    }

    [Fact]
    public void A_checkpoint_with_another_class_count_is_a_usage_error()
    {
        string other = CopyCheckpoint("other-classes", json => json.Replace("\"base_classes\": [", "\"base_classes\": [\"An extra class\", ", StringComparison.Ordinal));
        VrecProcess.AssertRefused(VrecProcess.Run("eval", "--config", config, "--checkpoint", other, "--out", temp["e"]), "does not fit");
    }

    [Fact]
    public void A_folder_that_is_not_a_checkpoint_is_a_usage_error()
    {
        VrecProcess.AssertRefused(VrecProcess.Run("eval", "--config", config, "--checkpoint", temp.Path, "--out", temp["e"]), "not a checkpoint");
    }

    private string CopyCheckpoint(string name, Func<string, string> edit)
    {
        string copy = temp[name];
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(checkpoint))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        string state = Path.Combine(copy, "state.json");
        string edited = edit(File.ReadAllText(state));
        Assert.NotEqual(File.ReadAllText(state), edited);
        File.WriteAllText(state, edited);
        return copy;
    }

    private static double Accuracy(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(folder, "results-*.json").Single()));
        return json.RootElement.GetProperty("models")[0].GetProperty("mean_accuracy").GetDouble();
    }
}
