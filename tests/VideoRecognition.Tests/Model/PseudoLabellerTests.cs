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

    private static readonly ModelConfig TwoAndTwo = new() { KFg = 2, KNbg = 2 };

    // Video 0 has label 1, video 1 the same segments rotated by three with label 2 (classes permuted 1 <-> 2).
    private static Tensor TwoVideos() => Distributions(
        [
            [1 / 3.0, 1 / 3.0, 1 / 3.0], // uniform: NBG
            [0.1, 0.8, 0.1],             // FG
            [0.2, 0.7, 0.1],             // FG
            [0.3, 0.35, 0.35],           // nearly uniform: NBG
            [0.8, 0.1, 0.1],             // confident about class 0: IBG
            [0.1, 0.2, 0.7],             // confident about class 2: IBG
        ],
        [
            [0.8, 0.1, 0.1],
            [0.1, 0.7, 0.2],
            [1 / 3.0, 1 / 3.0, 1 / 3.0],
            [0.1, 0.1, 0.8],
            [0.2, 0.1, 0.7],
            [0.3, 0.35, 0.35],
        ]);

    [Fact]
    public void Uniform_segments_are_nbg_likely_ones_fg_the_rest_ibg()
    {
        using var scope = NewDisposeScope();

        PseudoLabels pseudo = PseudoLabeller.Assign(TwoVideos(), Labels(1, 2), TwoAndTwo);

        Assert.Equal(new[] { Nbg, Fg, Fg, Nbg, Ibg, Ibg }, Row(pseudo.Labels, 0));
        Assert.Equal(new[] { Ibg, Ibg, Nbg, Fg, Fg, Nbg }, Row(pseudo.Labels, 1));
        Assert.Equal((4, 4, 4, 0), (pseudo.Fg, pseudo.Ibg, pseudo.Nbg, pseudo.Unlabelled));
    }

    [Fact]
    public void Confident_other_takes_the_k_ibg_segments_surest_of_another_class()
    {
        using var scope = NewDisposeScope();
        var config = TwoAndTwo with { IbgMode = IbgMode.ConfidentOther, KIbg = 1 };

        PseudoLabels pseudo = PseudoLabeller.Assign(TwoVideos(), Labels(1, 2), config);

        // Video 0: segment 4 is 0.8 sure of class 0, segment 5 only 0.7 of class 2.
        Assert.Equal(new[] { Nbg, Fg, Fg, Nbg, Ibg, None }, Row(pseudo.Labels, 0));
        Assert.Equal((4, 2, 4, 2), (pseudo.Fg, pseudo.Ibg, pseudo.Nbg, pseudo.Unlabelled));
    }

    // Label 0. Segment 1 has maximal max-probability 0.5, segment 2 the smallest KL(u || p), segment 3 the
    // highest entropy; segment 0 is FG (k_fg = 1). The numbers in the comments are H, KL(u || p), max p.
    private static Tensor CriteriaDisagree() => Distributions(
    [
        [0.9, 0.05, 0.03, 0.02],        // 0.43, 1.24, 0.90
        [0.0, 0.5, 0.5, 0.0],           // 0.69, 12.8, 0.50
        [0.11, 0.67, 0.11, 0.11],       // 1.00, 0.37, 0.67
        [0.005, 0.51, 0.2425, 0.2425],  // 1.06, 0.81, 0.51
        [0.02, 0.02, 0.01, 0.95],       // 0.25, 1.73, 0.95
        [0.05, 0.9, 0.03, 0.02],        // 0.43, 1.24, 0.90
    ]);

    [Theory]
    [InlineData(NbgCriterion.Entropy, 3)]
    [InlineData(NbgCriterion.KlUniform, 2)]
    [InlineData(NbgCriterion.MinMaxProbability, 1)]
    public void Each_criterion_picks_its_own_closest_to_uniform(NbgCriterion criterion, int expectedNbg)
    {
        using var scope = NewDisposeScope();
        var config = new ModelConfig { KFg = 1, KNbg = 1, NbgCriterion = criterion };

        long[] row = Row(PseudoLabeller.Assign(CriteriaDisagree(), Labels(0), config).Labels, 0);

        Assert.Equal(Fg, row[0]);
        Assert.Equal(new[] { expectedNbg }, Enumerable.Range(0, row.Length).Where(t => row[t] == Nbg));
    }

    [Fact]
    public void Fg_is_chosen_first_so_a_segment_is_never_in_two_sets()
    {
        using var scope = NewDisposeScope();
        // Label 2: the uniform segment 0 also has the highest p(y) (1/3). FG takes it; NBG falls to segment 1.
        Tensor probabilities = Distributions(
        [
            [1 / 3.0, 1 / 3.0, 1 / 3.0],
            [0.45, 0.45, 0.1],
            [0.9, 0.05, 0.05],
            [0.05, 0.9, 0.05],
        ]);

        long[] row = Row(PseudoLabeller.Assign(probabilities, Labels(2), new ModelConfig { KFg = 1, KNbg = 1 }).Labels, 0);

        Assert.Equal(new[] { Fg, Nbg, Ibg, Ibg }, row);
    }

    [Theory]
    [InlineData(10, 2, 4, 0)] // k_fg alone exceeds T
    [InlineData(3, 5, 3, 1)]  // k_nbg gets what FG leaves
    [InlineData(0, 9, 0, 4)]
    public void K_values_clamp_to_the_segments_left(int kFg, int kNbg, int expectedFg, int expectedNbg)
    {
        using var scope = NewDisposeScope();
        Tensor probabilities = rand(2, 4, 3).softmax(-1);

        PseudoLabels pseudo = PseudoLabeller.Assign(probabilities, Labels(0, 1), new ModelConfig { KFg = kFg, KNbg = kNbg });

        Assert.Equal(2 * expectedFg, pseudo.Fg);
        Assert.Equal(2 * expectedNbg, pseudo.Nbg);
        Assert.Equal(2 * (4 - expectedFg - expectedNbg), pseudo.Ibg);
        Assert.Equal(0, pseudo.Unlabelled);
    }

    [Fact]
    public void Random_batches_partition_every_video_exactly()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        Tensor probabilities = randn(5, 7, 4).mul(3).softmax(-1);
        var config = new ModelConfig { KFg = 2, KNbg = 3, IbgMode = IbgMode.ConfidentOther, KIbg = 1 };

        PseudoLabels pseudo = PseudoLabeller.Assign(probabilities, Labels(0, 1, 2, 3, 0), config);

        for (int video = 0; video < 5; video++)
        {
            long[] row = Row(pseudo.Labels, video);
            Assert.Equal(2, row.Count(l => l == Fg));
            Assert.Equal(3, row.Count(l => l == Nbg));
            Assert.Equal(1, row.Count(l => l == Ibg));
            Assert.Equal(1, row.Count(l => l == None));
        }
    }

    [Fact]
    public void Base_class_distribution_renormalises_away_the_background_class()
    {
        using var scope = NewDisposeScope();
        Tensor logits = tensor(new float[] { 1f, 2f, 0.5f, 5f }).reshape(1, 1, 4); // background last

        double[] expected = [Math.Exp(1), Math.Exp(2), Math.Exp(0.5)];
        double sum = expected.Sum();
        float[] actual = PseudoLabeller.BaseClassDistribution(logits, 3).data<float>().ToArray();

        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(expected[c] / sum, actual[c], 5);
        }
    }
}
