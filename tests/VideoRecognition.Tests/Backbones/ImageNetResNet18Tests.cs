using TorchSharp;
using VideoRecognition.Backbones;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Backbones;

/// <summary>
/// The offline ImageNet ResNet-18: its ONNX weights imported into TorchSharp must compute what ONNX Runtime
/// computes from the original file.
/// </summary>
public sealed class ImageNetResNet18Tests(ITestOutputHelper output)
{
    /// <summary>
    /// With a convention whose mean is exactly 255 x torchvision's, the input map has no offset and the import
    /// is exact up to float32 rounding (measured ~1e-6 relative); a wrong permutation, scale or batch-norm
    /// mapping gives differences of order 1.
    /// </summary>
    [Fact]
    public void Weight_mapping_is_exact_when_the_input_map_has_no_offset()
    {
        var convention = ImageNetResNet18.InputConvention with
        {
            Mean = OnnxInputConvention.ImageNetMean.Select(m => m * 255f).ToArray(),
        };

        double relative = RelativeDifference(convention);

        Assert.True(relative < 1e-4, $"max abs difference is {relative} of the largest feature");
    }

    /// <summary>
    /// With the model's own convention the mean differs from 255 x torchvision's by ~0.5 grey levels, an offset
    /// that is folded into bn1 exactly everywhere except conv1's 3-pixel zero-padding margin; measured ~1e-3 relative.
    /// </summary>
    [Fact]
    public void Imported_weights_reproduce_onnx_runtime_features()
    {
        double relative = RelativeDifference(ImageNetResNet18.InputConvention);

        Assert.True(relative < 5e-3, $"max abs difference is {relative} of the largest feature");
    }

    private double RelativeDifference(OnnxInputConvention convention)
    {
        using var scope = NewDisposeScope();
        using var onnx = new OnnxBackbone(ImageNetResNet18.ModelPath, CPU, 224, convention);
        var weights = OnnxResNetImport.Import(OnnxGraph.Load(ImageNetResNet18.ModelPath), "test", convention);
        using var imported = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 224, cntkLayout: true);
        imported.LoadWeights(weights, "test", "test");
        var images = TestImages.Batch(224);

        var expected = onnx.Forward(images);
        var actual = imported.Forward(images);

        Assert.Equal(new long[] { TestImages.Count, 512 }, expected.shape);
        Assert.Equal(expected.shape, actual.shape);
        double maxAbs = (actual - expected).abs().max().item<float>();
        double scale = expected.abs().max().item<float>();
        output.WriteLine($"max |onnx| = {scale:G4}, max |imported - onnx| = {maxAbs:G4} ({maxAbs / scale:G3} relative)");
        return maxAbs / scale;
    }

    [Fact]
    public void Onnx_runtime_runs_a_batch_item_by_item_on_the_fixed_batch_model()
    {
        using var scope = NewDisposeScope();
        using var onnx = ImageNetResNet18.CreateOnnx(CPU);
        var images = TestImages.Batch(224);

        var batch = onnx.Forward(images);
        var second = onnx.Forward(images[1..2]);

        Assert.Equal(512, onnx.FeatureDimension);
        Assert.True(batch[1..2].allclose(second, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Pretrained_features_tell_a_plain_wall_from_drawn_objects()
    {
        using var scope = NewDisposeScope();
        using var imported = ImportedResNet18();
        var features = nn.functional.normalize(imported.Forward(TestImages.Batch(112)), dim: 1);

        var similarity = features.matmul(features.T);
        output.WriteLine(similarity.ToString(TorchSharp.TensorStringStyle.Numpy));
        // A plain image excites almost no ImageNet detector; anything drawn moves the feature far away.
        Assert.True(similarity[0, 1].item<float>() < 0.8f, $"wall vs object cosine {similarity[0, 1].item<float>()}");
        Assert.True(similarity[0, 2].item<float>() < 0.8f, $"wall vs shapes cosine {similarity[0, 2].item<float>()}");
        Assert.True(features.isfinite().all().item<bool>());
    }

    [Fact]
    public void Imported_weights_are_torchvision_named_and_carry_real_batch_norm_statistics()
    {
        var weights = ImageNetResNet18.ImportWeights();
        try
        {
            Assert.Equal([64, 3, 7, 7], weights["conv1.weight"].shape);
            Assert.Equal([128, 64, 1, 1], weights["layer2.0.downsample.0.weight"].shape);
            Assert.Contains("layer4.1.bn2.running_var", weights.Keys);
            Assert.True(ResNetBackbone.UsesCntkLayout(weights), "CNTK's ResNet-18 has three blocks in layer4");
            // Random initialisation would leave running_var at exactly 1.
            using Scalar one = 1.ToScalar();
            Assert.True(weights["layer3.0.bn1.running_var"].sub(one).abs().max().item<float>() > 0.1f);
        }
        finally
        {
            foreach (var t in weights.Values)
            {
                t.Dispose();
            }
        }
    }

    [Fact]
    public void The_convention_is_bgr_0_to_255_minus_the_mean_image_channel_averages()
    {
        var convention = ImageNetResNet18.InputConvention;

        Assert.True(convention.Bgr);
        Assert.Equal(255f, convention.PixelScale);
        Assert.Equal(123.15, convention.Mean[0], 0.01);
        Assert.Equal(115.90, convention.Mean[1], 0.01);
        Assert.Equal(103.06, convention.Mean[2], 0.01);
    }

    internal static ResNetBackbone ImportedResNet18(int inputSize = 224)
    {
        var weights = ImageNetResNet18.ImportWeights();
        var backbone = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, inputSize, cntkLayout: true);
        try
        {
            backbone.LoadWeights(weights, "imported ResNet18.onnx", BackboneConfig.ImageNetWeights);
        }
        finally
        {
            foreach (var t in weights.Values)
            {
                t.Dispose();
            }
        }

        return backbone;
    }
}
