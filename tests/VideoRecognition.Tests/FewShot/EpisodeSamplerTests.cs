using VideoRecognition.Datasets;
using VideoRecognition.FewShot;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.FewShot;

public sealed class EpisodeSamplerTests
{
    private static readonly EvaluationConfig FiveWayFiveShot = new() { Way = 5, Shot = 5, Query = 5, Episodes = 10_000 };

    [Fact]
    public void Ten_thousand_episodes_have_n_distinct_classes_k_support_q_queries_and_no_shared_video()
    {
        List<VideoEmbedding> videos = ToyVideos.Random(classes: 12, videosPerClass: 11, dimension: 4);
        var labelOf = videos.ToDictionary(v => v.Id, v => v.Label);

        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(12), videos, FiveWayFiveShot, Seed.From(7));

        Assert.Equal(10_000, set.Episodes.Count);
        foreach (Episode episode in set.Episodes)
        {
            Assert.Equal(5, episode.Classes.Distinct().Count());
            var used = new HashSet<string>();
            for (int c = 0; c < 5; c++)
            {
                Assert.Equal(5, episode.Support[c].Count);
                Assert.Equal(5, episode.Query[c].Count);
                Assert.All(episode.Support[c].Concat(episode.Query[c]), id => Assert.Equal(episode.Classes[c], labelOf[id]));
                Assert.All(episode.Support[c].Concat(episode.Query[c]), id => Assert.True(used.Add(id), $"video {id} used twice"));
            }
        }

        Assert.Empty(set.Problems());
    }

    [Fact]
    public void Every_eligible_class_and_video_gets_drawn()
    {
        List<VideoEmbedding> videos = ToyVideos.Random(classes: 8, videosPerClass: 12, dimension: 4);
        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(8), videos, FiveWayFiveShot with { Episodes = 2000 }, Seed.From(3));

        Assert.Equal(8, set.Episodes.SelectMany(e => e.Classes).Distinct().Count());
        Assert.Equal(96, set.Episodes.SelectMany(e => e.Support.Concat(e.Query).SelectMany(ids => ids)).Distinct().Count());
    }

    [Fact]
    public void Same_seed_gives_the_same_episodes_and_another_seed_other_episodes_whatever_the_input_order()
    {
        List<VideoEmbedding> videos = ToyVideos.Random(classes: 10, videosPerClass: 12, dimension: 4);
        EvaluationConfig config = FiveWayFiveShot with { Episodes = 500 };

        string first = Flatten(EpisodeSampler.Sample(ToyVideos.Classes(10), videos, config, Seed.From(11)));
        string shuffled = Flatten(EpisodeSampler.Sample(ToyVideos.Classes(10).Reverse(), Enumerable.Reverse(videos), config, Seed.From(11)));
        string other = Flatten(EpisodeSampler.Sample(ToyVideos.Classes(10), videos, config, Seed.From(12)));

        Assert.Equal(first, shuffled);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void An_empty_split_is_refused_naming_the_split()
    {
        var error = Assert.Throws<BadInputException>(() =>
            EpisodeSampler.Sample([], ToyVideos.Random(3, 10, 4), FiveWayFiveShot with { Split = SplitPart.Val }, Seed.From(1)));

        Assert.Equal("5-way 5-shot with 5 queries needs 5 classes with at least 10 videos each; the val split has no classes.", error.Message);
    }

    [Fact]
    public void Fewer_classes_than_way_is_refused_with_the_numbers()
    {
        var error = Assert.Throws<BadInputException>(() =>
            EpisodeSampler.Sample(ToyVideos.Classes(3), ToyVideos.Random(3, 10, 4), FiveWayFiveShot, Seed.From(1)));

        Assert.Equal(
            "5-way 5-shot with 5 queries needs 5 classes with at least 10 videos each; the novel split has 3 such classes (of 3): class_00 (10), class_01 (10), class_02 (10).",
            error.Message);
    }

    [Fact]
    public void Classes_with_fewer_videos_than_shot_plus_query_are_not_drawn_and_are_named_when_too_few_remain()
    {
        List<VideoEmbedding> videos = ToyVideos.Random(6, 10, 4).Where(v => v.Id != ToyVideos.VideoId(4, 1)).ToList();
        videos.RemoveAll(v => v.Label == "class_05" && v.Id != ToyVideos.VideoId(5, 0));

        var error = Assert.Throws<BadInputException>(() => EpisodeSampler.Sample(ToyVideos.Classes(6), videos, FiveWayFiveShot, Seed.From(1)));

        Assert.Contains("the novel split has 4 such classes (of 6)", error.Message);
        Assert.Contains("too few videos: class_04 (9), class_05 (1)", error.Message);

        EpisodeSet fourWay = EpisodeSampler.Sample(ToyVideos.Classes(6), videos, FiveWayFiveShot with { Way = 4, Episodes = 50 }, Seed.From(1));
        Assert.DoesNotContain(fourWay.Episodes.SelectMany(e => e.Classes), c => c is "class_04" or "class_05");
    }

    private static string Flatten(EpisodeSet set) =>
        string.Join("|", set.Episodes.Select(e => string.Join(",", e.Classes.Concat(e.Support.SelectMany(s => s)).Concat(e.Query.SelectMany(q => q)))));
}
