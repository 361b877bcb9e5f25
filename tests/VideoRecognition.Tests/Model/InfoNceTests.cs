using VideoRecognition.Model;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Model;

public sealed class InfoNceTests
{
    // Three segments in two views, in 2-D. Unit-length directions (before scaling, which the loss must undo):
    // a0 = (1, 0), a1 = (0, 1), a2 = (1, 1)/sqrt 2; b0 = (0.8, 0.6), b1 = (0.6, 0.8), b2 = (-1, 0).
    private static Tensor ViewA() => tensor(new float[] { 2, 0, 0, 0.5f, 3, 3 }).reshape(3, 2);

    private static Tensor ViewB() => tensor(new float[] { 4, 3, 0.6f, 0.8f, -7, 0 }).reshape(3, 2);

    private static Tensor AnchorsZeroAndOne() => tensor(new[] { true, true, false });

    private const double Tau = 0.5;
    private static readonly double R = Math.Sqrt(0.5);

    private static double Term(double positive, params double[] negatives) =>
        -Math.Log(Math.Exp(positive / Tau) / (Math.Exp(positive / Tau) + negatives.Sum(n => Math.Exp(n / Tau))));

    [Fact]
    public void Nbg_negatives_match_the_formula_by_hand()
    {
        using var scope = NewDisposeScope();

        double loss = InfoNce.Loss(ViewA(), ViewB(), AnchorsZeroAndOne(), tensor(new[] { false, false, true }), Tau).item<float>();

        // Anchor 0: positive cos(a0, b0) = 0.8; negatives a2, b2: cos = 1/sqrt 2, -1.
        // Anchor 1: positive cos(a1, b1) = 0.8; negatives a2, b2: cos = 1/sqrt 2, 0.
        double expected = (Term(0.8, R, -1) + Term(0.8, R, 0)) / 2;
        Assert.Equal(expected, loss, 5);
    }

    [Fact]
    public void All_negatives_match_the_formula_by_hand()
    {
        using var scope = NewDisposeScope();

        double loss = InfoNce.Loss(ViewA(), ViewB(), AnchorsZeroAndOne(), negatives: null, Tau).item<float>();

        // Anchor 0 against a1, b1, a2, b2; anchor 1 against a0, b0, a2, b2 (never itself, never its positive twice).
        double anchor0 = Term(0.8, 0, 0.6, R, -1);
        double anchor1 = Term(0.8, 0, 0.6, R, 0);
        Assert.Equal((anchor0 + anchor1) / 2, loss, 5);
    }

    [Fact]
    public void Matching_positives_and_orthogonal_negatives_at_low_temperature_cost_nothing()
    {
        using var scope = NewDisposeScope();
        Tensor basis = eye(4);

        double loss = InfoNce.Loss(basis, basis.clone(), ones(4, dtype: ScalarType.Bool), negatives: null, temperature: 0.01).item<float>();

        Assert.True(loss is >= 0 and < 1e-6, $"loss {loss}");
    }

    [Fact]
    public void No_anchors_give_zero_and_no_negatives_give_zero()
    {
        using var scope = NewDisposeScope();

        double noAnchors = InfoNce.Loss(ViewA(), ViewB(), zeros(3, dtype: ScalarType.Bool), null, Tau).item<float>();
        double noNegatives = InfoNce.Loss(ViewA(), ViewB(), AnchorsZeroAndOne(), zeros(3, dtype: ScalarType.Bool), Tau).item<float>();

        Assert.Equal(0.0, noAnchors);
        Assert.Equal(0.0, noNegatives, 6);
    }

    [Fact]
    public void Gradient_reaches_both_views()
    {
        using var scope = NewDisposeScope();
        Tensor a = ViewA().requires_grad_();
        Tensor b = ViewB().requires_grad_();

        InfoNce.Loss(a, b, AnchorsZeroAndOne(), null, Tau).backward();

        Assert.True(a.grad!.abs().sum().item<float>() > 0);
        Assert.True(b.grad!.abs().sum().item<float>() > 0);
    }
}
