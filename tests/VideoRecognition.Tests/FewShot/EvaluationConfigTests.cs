using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.FewShot;
using VideoRecognition.Runtime;
using YamlDotNet.RepresentationModel;

namespace VideoRecognition.Tests.FewShot;

public sealed class EvaluationConfigTests
{
    [Fact]
    public void The_eval_section_binds_from_snake_case_yaml()
    {
        var binder = new ConfigBinder(_ => "test.yaml");
        EvaluationConfig config = binder.Bind<EvaluationConfig>(Yaml("way: 5\nshot: 5\nsplit: val\nclassifier: logistic_regression\nlocalisation_threshold: 0.3\nlocalisation_score: similarity\nlocalisation_proposals: single\n"));

        Assert.Empty(binder.Problems);
        Assert.Equal(new EvaluationConfig
        {
            Shot = 5,
            Split = SplitPart.Val,
            Classifier = FewShotClassifierKind.LogisticRegression,
            LocalisationThreshold = 0.3,
            LocalisationScore = SegmentScoreKind.Similarity,
            LocalisationProposals = LocalisationProposals.Single,
        }, config);
    }

    [Fact]
    public void Out_of_range_values_are_refused_when_evaluating_a_config_built_in_code()
    {
        List<VideoEmbedding> videos = ToyVideos.Separable(6, 8, 8);
        var error = Assert.Throws<BadInputException>(() =>
            EpisodeSampler.Sample(ToyVideos.Classes(6), videos, new EvaluationConfig { Way = 1, Episodes = 1 }, Seed.From(1)));

        Assert.Contains("eval.way", error.Message);
        Assert.Contains("eval.episodes", error.Message);
    }

    private static YamlNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }
}
