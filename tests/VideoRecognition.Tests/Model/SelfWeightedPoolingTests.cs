using TorchSharp;
using VideoRecognition.Model;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Model;

public sealed class SelfWeightedPoolingTests
{
    // One video, three segments, two base classes plus the background (last).
    private static readonly float[][] Logits =
    [
        [2f, 0f, -1f],
        [0f, 1f, 0.5f],
        [0f, 0f, 200f], // p(bg) = 1 in float32
    ];

    private static Tensor SegmentLogits() => tensor(Logits.SelectMany(r => r).ToArray()).reshape(1, 3, 3);

    private static double Softmax(float[] row, int index) => Math.Exp(row[index]) / row.Sum(x => Math.Exp(x));

    [Fact]
    public void Background_weight_is_one_minus_background_probability()
    {
        using var scope = NewDisposeScope();

        float[] w = SelfWeightedPooling.Weights(SegmentLogits(), SelfWeighting.Background).data<float>().ToArray();

        Assert.Equal(1 - Softmax(Logits[0], 2), w[0], 5);
        Assert.Equal(1 - Softmax(Logits[1], 2), w[1], 5);
        Assert.Equal(0f, w[2]);
    }

    [Fact]
    public void A_certain_background_segment_contributes_nothing_to_v()
    {
        using var scope = NewDisposeScope();
        Tensor w = SelfWeightedPooling.Weights(SegmentLogits(), SelfWeighting.Background);
        Tensor z = tensor(new float[] { 1, 0, 0, 3, 1000, -1000 }).reshape(1, 3, 2);

        float[] v = SelfWeightedPooling.Pool(z, w).data<float>().ToArray();

        double w0 = 1 - Softmax(Logits[0], 2), w1 = 1 - Softmax(Logits[1], 2);
        Assert.Equal((w0 * 1 + w1 * 0) / (w0 + w1), v[0], 4);
        Assert.Equal((w0 * 0 + w1 * 3) / (w0 + w1), v[1], 4);
    }

    [Fact]
    public void Softmax_weights_follow_the_negative_background_logit_and_sum_to_one()
    {
        using var scope = NewDisposeScope();
        const double tau = 2.0;

        float[] w = SelfWeightedPooling.Weights(SegmentLogits(), SelfWeighting.Softmax, tau).data<float>().ToArray();

        double[] e = Logits.Select(r => Math.Exp(-r[2] / tau)).ToArray();
        Assert.Equal(1.0, w.Sum(), 5);
        Assert.Equal(e[0] / e.Sum(), w[0], 5);
        Assert.Equal(e[1] / e.Sum(), w[1], 5);
    }

    [Fact]
    public void None_is_mean_pooling()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        Tensor z = randn(2, 4, 3);

        Tensor w = SelfWeightedPooling.Weights(randn(2, 4, 5), SelfWeighting.None);
        Tensor v = SelfWeightedPooling.Pool(z, w);

        using Scalar one = 1.ToScalar();
        Assert.True(w.eq(one).all().item<bool>());
        Assert.True(v.allclose(z.mean([1]), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void All_background_video_pools_to_zero_not_nan()
    {
        using var scope = NewDisposeScope();

        Tensor v = SelfWeightedPooling.Pool(ones(1, 2, 3), zeros(1, 2));

        using Scalar zero = 0.ToScalar();
        Assert.True(v.eq(zero).all().item<bool>());
    }
}
