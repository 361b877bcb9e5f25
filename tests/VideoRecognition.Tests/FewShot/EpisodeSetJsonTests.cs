using VideoRecognition.Datasets;
using VideoRecognition.FewShot;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.FewShot;

public sealed class EpisodeSetJsonTests
{
    [Fact]
    public void A_saved_episode_set_replays_to_the_same_accuracy_and_re_saves_byte_identical()
    {
        using var folder = new TempFolder();
        List<VideoEmbedding> videos = ToyVideos.Random(classes: 9, videosPerClass: 8, dimension: 16);
        var config = new EvaluationConfig { Way = 5, Shot = 1, Query = 5, Episodes = 300 };
        EpisodeSet sampled = EpisodeSampler.Sample(ToyVideos.Classes(9), videos, config, Seed.From(5));
        EpisodeSetJson.Write(sampled, folder["episodes.json"]);

        EpisodeSet loaded = EpisodeSetJson.Read(folder["episodes.json"]);
        EpisodeSetJson.Write(loaded, folder["again.json"]);

        Assert.Equal(File.ReadAllBytes(folder["episodes.json"]), File.ReadAllBytes(folder["again.json"]));
        Assert.Equal((sampled.Split, sampled.Way, sampled.Shot, sampled.Query, sampled.Seed), (loaded.Split, loaded.Way, loaded.Shot, loaded.Query, loaded.Seed));
        ModelEmbeddings model = ModelEmbeddings.Of("random", videos);
        ModelResult original = FewShotEvaluation.Evaluate(sampled, [model], config).Models[0];
        ModelResult replayed = FewShotEvaluation.Evaluate(loaded, [model], config).Models[0];
        Assert.Equal(original.EpisodeAccuracies, replayed.EpisodeAccuracies);
        Assert.Equal(original.Accuracy, replayed.Accuracy);
    }

    [Fact]
    public void A_set_that_reuses_a_video_within_an_episode_is_refused_when_read()
    {
        using var folder = new TempFolder();
        var episode = new Episode(["a", "b"], [["a1"], ["b1"]], [["a1"], ["b2"]]);
        var set = new EpisodeSet(SplitPart.Novel, 2, 1, 1, Seed.From(1), [episode, episode]);
        EpisodeSetJson.Write(set, folder["bad.json"]);

        var error = Assert.Throws<BadInputException>(() => EpisodeSetJson.Read(folder["bad.json"]));

        Assert.Contains("episode 0: video 'a1' is used twice", error.Message);
        Assert.Contains("bad.json", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_reported_as_malformed()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["cut.json"], "{\"format_version\": 1, \"episodes\": [");

        var error = Assert.Throws<BadInputException>(() => EpisodeSetJson.Read(folder["cut.json"]));

        Assert.Contains("is malformed", error.Message);
    }
}
