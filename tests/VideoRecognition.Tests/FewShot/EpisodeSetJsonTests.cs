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

    /// <summary>The message speaks of the file (its keys, line and position from 1), not of the .NET types that read it.</summary>
    [Theory]
    [InlineData("{\"a\": 1}", "missing 'format_version', 'split'")]
    [InlineData("[1, 2", "(line 1, position")]
    [InlineData("{\"format_version\": \"two\"}", "at $.format_version (line 1, position")]
    public void A_file_that_is_not_an_episode_set_is_refused_in_its_own_terms(string json, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["other.json"], json);

        var error = Assert.Throws<BadInputException>(() => EpisodeSetJson.Read(folder["other.json"]));

        Assert.Contains("other.json' is malformed", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("VideoRecognition.", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
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

    // Format 1, as the hand-written code wrote it before the serialiser was source-generated.
    private const string FormatOne = """
        {
          "format_version": 1,
          "split": "novel",
          "way": 2,
          "shot": 1,
          "query": 1,
          "seed": 18446744073709551615,
          "episode_count": 2,
          "episodes": [
            {"classes": ["a", "b \u0022c\u0022"], "support": [["a1"], ["b1"]], "query": [["a2"], ["b2"]]},
            {"classes": ["b \u0022c\u0022", "a"], "support": [["b2"], ["a2"]], "query": [["b1"], ["a1"]]}
          ]
        }

        """;

    private const string FormatTwo = """
        {
          "format_version": 2,
          "split": "novel",
          "way": 2,
          "shot": 1,
          "query": 1,
          "seed": 18446744073709551615,
          "episode_count": 2,
          "episodes": [
            {"classes":["a","b \u0022c\u0022"],"support":[["a1"],["b1"]],"query":[["a2"],["b2"]]},
            {"classes":["b \u0022c\u0022","a"],"support":[["b2"],["a2"]],"query":[["b1"],["a1"]]}
          ]
        }

        """;

    [Fact]
    public void A_set_written_in_format_1_still_reads_and_is_rewritten_in_format_2_with_one_line_an_episode()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["one.json"], FormatOne);

        EpisodeSet set = EpisodeSetJson.Read(folder["one.json"]);
        EpisodeSetJson.Write(set, folder["two.json"]);

        Assert.Equal((SplitPart.Novel, 2, 1, 1, ulong.MaxValue), (set.Split, set.Way, set.Shot, set.Query, set.Seed.Value));
        Assert.Equal(["b \"c\"", "a"], set.Episodes[1].Classes);
        Assert.Equal(["a1"], set.Episodes[1].Query[1]);
        Assert.Equal(FormatTwo, File.ReadAllText(folder["two.json"]));
    }

    [Fact]
    public void A_format_the_reader_does_not_know_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["three.json"], FormatOne.Replace("\"format_version\": 1", "\"format_version\": 3"));

        var error = Assert.Throws<BadInputException>(() => EpisodeSetJson.Read(folder["three.json"]));

        Assert.Contains("format_version 3", error.Message);
    }
}
