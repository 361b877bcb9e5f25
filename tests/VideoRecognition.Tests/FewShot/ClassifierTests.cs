using VideoRecognition.Datasets;
using VideoRecognition.FewShot;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.FewShot;

public sealed class ClassifierTests
{
    private static readonly EvaluationConfig FiveWay = new() { Way = 5, Shot = 5, Query = 5, Episodes = 500 };

    [Theory]
    [InlineData(FewShotClassifierKind.Prototype, 1)]
    [InlineData(FewShotClassifierKind.Prototype, 5)]
    [InlineData(FewShotClassifierKind.LogisticRegression, 1)]
    [InlineData(FewShotClassifierKind.LogisticRegression, 5)]
    public void Separable_classes_are_classified_perfectly(FewShotClassifierKind classifier, int shot)
    {
        List<VideoEmbedding> videos = ToyVideos.Separable(classes: 10, videosPerClass: 12, dimension: 32);
        EvaluationConfig config = FiveWay with { Shot = shot, Classifier = classifier };
        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(10), videos, config, Seed.From(1));

        ModelResult result = FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("toy", videos)], config).Models[0];

        Assert.Equal(1.0, result.Accuracy.Mean);
        Assert.Equal(0.0, result.Accuracy.Std);
        Assert.All(result.PerClass, c => Assert.Equal(c.Queries, c.Correct));
    }

    [Theory]
    [InlineData(FewShotClassifierKind.Prototype)]
    [InlineData(FewShotClassifierKind.LogisticRegression)]
    public void Random_embeddings_give_chance_accuracy(FewShotClassifierKind classifier)
    {
        List<VideoEmbedding> videos = ToyVideos.Random(classes: 20, videosPerClass: 20, dimension: 64);
        EvaluationConfig config = FiveWay with { Episodes = 1000, Classifier = classifier };
        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(20), videos, config, Seed.From(2));

        ModelResult result = FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("noise", videos)], config).Models[0];

        // 25,000 queries: the standard error of a 0.2 rate is about 0.0025, and episodes overlap in videos, so 0.02 is generous but still catches a bias.
        Assert.InRange(result.Accuracy.Mean, 0.18, 0.22);
    }

    [Fact]
    public void Logistic_regression_agrees_with_prototypes_on_an_easy_case_and_is_deterministic()
    {
        List<VideoEmbedding> videos = ToyVideos.Separable(classes: 8, videosPerClass: 12, dimension: 16, seed: 9);
        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(8), videos, FiveWay, Seed.From(4));
        ModelEmbeddings model = ModelEmbeddings.Of("toy", videos);
        EvaluationConfig logistic = FiveWay with { Classifier = FewShotClassifierKind.LogisticRegression };

        ModelResult first = FewShotEvaluation.Evaluate(set, [model], logistic).Models[0];
        ModelResult second = FewShotEvaluation.Evaluate(set, [model], logistic).Models[0];
        ModelResult prototype = FewShotEvaluation.Evaluate(set, [model], FiveWay).Models[0];

        Assert.Equal(first.EpisodeAccuracies, second.EpisodeAccuracies);
        Assert.Equal(prototype.EpisodeAccuracies, first.EpisodeAccuracies);
        Assert.Equal(prototype.Confusion.Counts, first.Confusion.Counts);
    }

    [Fact]
    public void Logistic_regression_uses_the_support_set_beyond_its_mean()
    {
        // Class a has supports at +x and -x: their mean, a's prototype, is the zero vector (cosine 0 to anything).
        // Query a3 = (0.9, 0.3, 0) leans a little towards y, so its cosine to b's prototype (about +y) is positive:
        // the prototype classifier says b. A linear model fitted on the supports separates them by y alone
        // (a at y = 0, b at y = 1) and puts a3 (y = 0.32 after normalising) on a's side.
        var videos = new List<VideoEmbedding>
        {
            Video("a1", "a", 1f, 0f, 0f),
            Video("a2", "a", -1f, 0f, 0f),
            Video("a3", "a", 0.9f, 0.3f, 0f),
            Video("b1", "b", 0f, 1f, 0f),
            Video("b2", "b", 0.1f, 1f, 0f),
            Video("b3", "b", 0.3f, 0.9f, 0.3f),
        };
        var set = new EpisodeSet(
            SplitPart.Novel, 2, 2, 1, Seed.From(0),
            [new Episode(["a", "b"], [["a1", "a2"], ["b1", "b2"]], [["a3"], ["b3"]]), new Episode(["a", "b"], [["a1", "a2"], ["b1", "b2"]], [["a3"], ["b3"]])]);
        var config = new EvaluationConfig { Way = 2, Shot = 2, Query = 1 };

        double prototype = FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("m", videos)], config).Models[0].Accuracy.Mean;
        double logistic = FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("m", videos)], config with { Classifier = FewShotClassifierKind.LogisticRegression, LogisticIterations = 500 }).Models[0].Accuracy.Mean;

        Assert.Equal(0.5, prototype);
        Assert.Equal(1.0, logistic);
    }

    private static VideoEmbedding Video(string id, string label, params float[] pooled) => new(id, label, pooled, [], [], [], []);
}
