using TorchSharp;
using VideoRecognition.Model;
using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Model;

public sealed class AnnotationEfficientModelTests
{
    private const int B = 3, T = 8, D = 32, C = 5;

    private static readonly ModelConfig Small = new() { EmbeddingDim = 16, HiddenDim = 24, ProjectionDim = 12 };

    private static readonly ModelConfig NoBackground = Small with { BackgroundClass = false, SelfWeighting = SelfWeighting.None };

    [Theory]
    [InlineData(true, C + 1)]
    [InlineData(false, C)]
    public void Forward_shapes_with_and_without_the_background_class(bool background, long segmentClasses)
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = new AnnotationEfficientModel(D, C, background ? Small : NoBackground);

        SegmentOutputs outputs = model.forward(randn(B, T, D));

        Assert.Equal(new long[] { B, T, 16 }, outputs.Embeddings.shape);
        Assert.Equal(new long[] { B, T, segmentClasses }, outputs.SegmentLogits.shape);
        Assert.Equal(new long[] { B, T }, outputs.Weights.shape);
        Assert.Equal(new long[] { B, 16 }, outputs.Video.shape);
        Assert.Equal(new long[] { B, C }, outputs.VideoLogits.shape);
        Assert.Equal(new long[] { B, T, 12 }, model.Project(outputs.Embeddings).shape);
        Assert.Equal(background ? C : null, model.BackgroundIndex);
    }

    [Fact]
    public void Video_logits_are_the_classifier_on_v_without_the_background_column()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = new AnnotationEfficientModel(D, C, Small);
        model.eval();

        SegmentOutputs outputs = model.forward(randn(B, T, D));
        // The classifier is linear, so g(v) = sum_t w_t g(z_t) / sum_t w_t: check against the segment logits.
        Tensor w = outputs.Weights.unsqueeze(-1);
        Tensor expected = ((w * outputs.SegmentLogits).sum(1) / w.sum(1))[.., ..C];

        Assert.True(outputs.VideoLogits.allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Theory]
    [InlineData(true, C + 1)]
    [InlineData(false, C)]
    public void Infer_returns_z_w_probabilities_and_v_without_gradients_and_keeps_training_mode(bool background, long classes)
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = new AnnotationEfficientModel(D, C, (background ? Small : NoBackground) with { Dropout = 0.9 });
        model.train();
        Tensor x = randn(B, T, D);

        VideoEmbeddings first = model.Infer(x);
        VideoEmbeddings second = model.Infer(x);

        Assert.True(model.training);
        Assert.Equal(new long[] { B, T, 16 }, first.Embeddings.shape);
        Assert.Equal(new long[] { B, T }, first.Weights.shape);
        Assert.Equal(new long[] { B, T, classes }, first.Probabilities.shape);
        Assert.Equal(new long[] { B, 16 }, first.Video.shape);
        Assert.True(first.Probabilities.sum(-1).allclose(ones(B, T), atol: 1e-5));
        Assert.False(first.Video.requires_grad);
        Assert.True(first.Video.eq(second.Video).all().item<bool>(), "dropout must be off in inference");
    }

    [Fact]
    public void Baseline_has_c_classes_mean_pooling_and_no_projection()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var model = new AnnotationEfficientModel(D, C, Small with { Baseline = true });

        SegmentOutputs outputs = model.forward(randn(B, T, D));

        Assert.Equal(C, outputs.SegmentLogits.shape[2]);
        using Scalar one = 1.ToScalar();
        Assert.True(outputs.Weights.eq(one).all().item<bool>());
        Assert.True(outputs.Video.allclose(outputs.Embeddings.mean([1]), rtol: 1e-5, atol: 1e-6));
        Assert.Throws<InvalidOperationException>(() => model.Project(outputs.Embeddings));
        Assert.DoesNotContain(model.named_parameters(), p => p.name.StartsWith("projection", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_feature_width_names_the_store_and_the_shapes()
    {
        using var scope = NewDisposeScope();
        using var model = new AnnotationEfficientModel(D, C, Small);

        var error = Assert.Throws<BadInputException>(() => model.forward(randn(B, T, D + 1)));

        Assert.Contains("[videos, segments, 32]", error.Message);
        Assert.Contains("[3, 8, 33]", error.Message);
    }

    [Fact]
    public void Invalid_config_is_refused_at_construction()
    {
        var error = Assert.Throws<BadInputException>(() => new AnnotationEfficientModel(D, C, Small with { BackgroundClass = false }));

        Assert.Contains("model.self_weighting", error.Message);
    }

    [Fact]
    public void Parameters_are_registered_for_the_optimiser()
    {
        using var model = new AnnotationEfficientModel(D, C, Small);

        string[] names = model.named_parameters().Select(p => p.name).ToArray();

        Assert.Contains("embedding.hidden.weight", names);
        Assert.Contains("embedding.output.weight", names);
        Assert.Contains("classifier.weight", names);
        Assert.Contains("projection.output.bias", names);
    }
}
