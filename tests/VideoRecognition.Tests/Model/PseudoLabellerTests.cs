using VideoRecognition.Model;
using static TorchSharp.torch;
using static VideoRecognition.Tests.Model.ModelTensors;

namespace VideoRecognition.Tests.Model;

public sealed class PseudoLabellerTests
{
    private const long Fg = (long)PseudoLabel.Fg;
    private const long Ibg = (long)PseudoLabel.Ibg;
    private const long Nbg = (long)PseudoLabel.Nbg;
    private const long None = (long)PseudoLabel.Unlabelled;

    private static readonly ModelConfig Thresholds = new() { FgThreshold = 0.5, IbgThreshold = 0.6, IbgMode = IbgMode.ConfidentOther };

    // Label 1 throughout; per segment the base-class distribution, and the open-set score beside it.
    private static readonly double[][] Segments =
    [
        [0.1, 0.8, 0.1],   // FG
        [0.2, 0.7, 0.1],   // FG
        [0.7, 0.2, 0.1],   // another class, confidently: IBG
        [0.4, 0.3, 0.3],   // unsure: neither
        [0.1, 0.9, 0.0],   // looks like y, but the detector says background: NBG, never FG
        [1 / 3.0, 1 / 3.0, 1 / 3.0],
    ];

    private static Tensor Scores(params double[][] videos) => tensor(videos.SelectMany(v => v.Select(x => (float)x)).ToArray()).reshape(videos.Length, videos[0].Length);

    [Fact]
    public void Background_by_the_detector_comes_first_then_fg_then_confident_other_classes()
    {
        using var scope = NewDisposeScope();

        PseudoLabels pseudo = PseudoLabeller.Assign(Distributions(Segments), Scores([0.1, 0.2, 0.1, 0.3, 0.9, 0.8]), 0.5, Labels(1), Thresholds);

        Assert.Equal(new[] { Fg, Fg, Ibg, None, Nbg, Nbg }, Row(pseudo.Labels, 0));
        Assert.Equal((2, 1, 2, 1), (pseudo.Fg, pseudo.Ibg, pseudo.Nbg, pseudo.Unlabelled));
    }

    [Fact]
    public void A_video_without_background_gets_no_nbg()
    {
        using var scope = NewDisposeScope();

        PseudoLabels pseudo = PseudoLabeller.Assign(Distributions(Segments), Scores([0.1, 0.2, 0.1, 0.3, 0.2, 0.4]), 0.5, Labels(1), Thresholds);

        Assert.DoesNotContain(Nbg, Row(pseudo.Labels, 0));
        Assert.Equal(3, pseudo.Fg); // segment 4 is FG once the detector lets it be
    }

    [Fact]
    public void A_blank_video_gets_no_fg_however_sure_the_classifier_is()
    {
        using var scope = NewDisposeScope();
        double[][] sure = Enumerable.Repeat(new[] { 0.05, 0.9, 0.05 }, 6).ToArray();

        PseudoLabels pseudo = PseudoLabeller.Assign(Distributions(sure), Scores([0.95, 0.9, 0.99, 0.97, 0.93, 0.96]), 0.5, Labels(1), Thresholds);

        Assert.All(Row(pseudo.Labels, 0), label => Assert.Equal(Nbg, label));
    }

    [Fact]
    public void Ibg_mode_rest_takes_everything_neither_nbg_nor_fg()
    {
        using var scope = NewDisposeScope();

        PseudoLabels pseudo = PseudoLabeller.Assign(
            Distributions(Segments), Scores([0.1, 0.2, 0.1, 0.3, 0.9, 0.8]), 0.5, Labels(1), Thresholds with { IbgMode = IbgMode.Rest });

        Assert.Equal(new[] { Fg, Fg, Ibg, Ibg, Nbg, Nbg }, Row(pseudo.Labels, 0));
    }

    [Fact]
    public void Counts_adapt_per_video_in_one_batch()
    {
        using var scope = NewDisposeScope();

        PseudoLabels pseudo = PseudoLabeller.Assign(
            Distributions(Segments, Segments),
            Scores([0.1, 0.1, 0.1, 0.1, 0.1, 0.1], [0.9, 0.9, 0.9, 0.9, 0.1, 0.9]),
            0.5,
            Labels(1, 1),
            Thresholds);

        Assert.Equal(0, Row(pseudo.Labels, 0).Count(l => l == Nbg));
        Assert.Equal(5, Row(pseudo.Labels, 1).Count(l => l == Nbg));
        Assert.Equal(new[] { Nbg, Nbg, Nbg, Nbg, Fg, Nbg }, Row(pseudo.Labels, 1));
    }

    [Fact]
    public void Right_after_warm_up_the_detector_reads_uniformity_then_the_background_head()
    {
        var config = new ModelConfig { WarmupEpochs = 2, OpenSetBootstrapEpochs = 1, OpenSetScore = OpenSetScore.Background };

        Assert.Equal(OpenSetScore.Uniformity, OpenSetDetector.ScoreAt(config, 2));
        Assert.Equal(OpenSetScore.Background, OpenSetDetector.ScoreAt(config, 3));
        Assert.Equal(OpenSetScore.Uniformity, OpenSetDetector.ScoreAt(config with { BackgroundClass = false, SelfWeighting = SelfWeighting.None }, 30));
    }

    [Fact]
    public void The_background_threshold_is_fixed_and_the_uniformity_threshold_a_batch_quantile()
    {
        using var scope = NewDisposeScope();
        Tensor batch = Scores([0.9, 0.1, 0.85, 0.12], [0.15, 0.8, 0.11, 0.13]);

        Assert.Equal(0.4, OpenSetDetector.Threshold(new ModelConfig { NbgThreshold = 0.4 }, OpenSetScore.Background, batch));
        // A quarter of 8 segments is 2: the cut is the second highest score, so exactly 0.9 and 0.85 reach it.
        Assert.Equal(0.85, OpenSetDetector.Threshold(new ModelConfig { UniformityShare = 0.25 }, OpenSetScore.Uniformity, batch), 5);
        Assert.Equal(0.12, OpenSetDetector.Threshold(new ModelConfig { UniformityShare = 0.75 }, OpenSetScore.Uniformity, batch), 5);
        Assert.Equal(double.PositiveInfinity, OpenSetDetector.Threshold(new ModelConfig { UniformityShare = 0 }, OpenSetScore.Uniformity, batch));
    }

    [Fact]
    public void With_the_batch_quantile_a_video_without_background_loses_to_one_with_it()
    {
        using var scope = NewDisposeScope();
        double[][] unsure = Enumerable.Repeat(new[] { 0.3, 0.4, 0.3 }, 4).ToArray();
        Tensor uniformity = Scores([0.2, 0.3, 0.25, 0.3], [0.99, 0.97, 0.98, 0.96]); // video 1 is blank
        var config = new ModelConfig { UniformityShare = 0.5 };

        double cut = OpenSetDetector.Threshold(config, OpenSetScore.Uniformity, uniformity);
        PseudoLabels pseudo = PseudoLabeller.Assign(Distributions(unsure, unsure), uniformity, cut, Labels(1, 1), config);

        Assert.DoesNotContain(Nbg, Row(pseudo.Labels, 0));
        Assert.All(Row(pseudo.Labels, 1), label => Assert.Equal(Nbg, label));
    }

    [Fact]
    public void A_training_batch_where_the_head_calls_nothing_background_falls_back_to_the_bootstrap_rule()
    {
        using var scope = NewDisposeScope();
        // p(background) below 0.5 everywhere (an untrained or collapsed head); segment 1 is the most uniform.
        float[] rows = [2, 0, 0, -1, /**/ 0, 0, 0, -1, /**/ 3, 0, 0, -1, /**/ 0, 2.5f, 0, -1];
        Tensor logits = tensor(rows).reshape(1, 4, 4); // C = 3, background last
        var config = new ModelConfig { WarmupEpochs = 0, OpenSetBootstrapEpochs = 0, UniformityShare = 0.25 };

        PseudoLabels inspected = PseudoLabeller.Assign(logits, Labels(0), 3, config, epoch: 5);
        PseudoLabels trained = PseudoLabeller.Assign(logits, Labels(0), 3, config, epoch: 5, training: true);

        Assert.Equal(0, inspected.Nbg);
        Assert.Equal(new[] { Fg, Nbg, Fg, Ibg }, Row(trained.Labels, 0)); // segment 3 is sure of class 1: IBG
    }

    [Theory]
    [InlineData(NbgCriterion.Entropy)]
    [InlineData(NbgCriterion.KlUniform)]
    [InlineData(NbgCriterion.MinMaxProbability)]
    public void Uniformity_is_one_for_uniform_zero_for_certain_and_ordered_between(NbgCriterion criterion)
    {
        using var scope = NewDisposeScope();
        Tensor p = Distributions([[0.25, 0.25, 0.25, 0.25], [1.0, 0.0, 0.0, 0.0], [0.4, 0.2, 0.2, 0.2], [0.7, 0.1, 0.1, 0.1]]);

        float[] u = OpenSetDetector.Uniformity(p, criterion)[0].data<float>().ToArray();

        Assert.Equal(1.0, u[0], 4);
        Assert.Equal(0.0, u[1], 4);
        Assert.True(u[0] > u[2] && u[2] > u[3] && u[3] > u[1], string.Join(", ", u));
    }

    [Fact]
    public void Normalised_entropy_matches_its_definition()
    {
        using var scope = NewDisposeScope();
        double[] p = [0.5, 0.25, 0.25];
        double expected = -p.Sum(x => x * Math.Log(x)) / Math.Log(3); // 1.5 ln 2 / ln 3

        float u = OpenSetDetector.Uniformity(Distributions([p]), NbgCriterion.Entropy)[0, 0].item<float>();

        Assert.Equal(expected, u, 5);
    }

    [Fact]
    public void The_background_score_is_the_softmax_probability_of_the_last_class()
    {
        using var scope = NewDisposeScope();
        Tensor logits = tensor(new float[] { 0, 0, (float)Math.Log(2) }).reshape(1, 1, 3); // exp: 1, 1, 2 -> p_bg = 0.5

        float score = OpenSetDetector.Score(logits, 2, new ModelConfig(), OpenSetScore.Background)[0, 0].item<float>();

        Assert.Equal(0.5, score, 5);
    }
}
