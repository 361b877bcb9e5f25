using TorchSharp.Modules;
using VideoRecognition.Backbones;
using VideoRecognition.Tests.Model;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Backbones;

// "Same seed, same weights" replays torch's global generator; a test drawing from it in parallel broke it once
// in a fresh-clone run (two ResNet-18s from manual_seed(5) gave different outputs).
[Collection(TorchGlobalRandomCollection.Name)]
public sealed class ResNetBackboneTests
{
    [Theory]
    [InlineData(BackboneArchitecture.Resnet18, 512)]
    [InlineData(BackboneArchitecture.Resnet34, 512)]
    [InlineData(BackboneArchitecture.Resnet50, 2048)] // forward only: ResNet-50 backward crashes oneDNN on this CPU
    public void Forward_gives_one_pooled_feature_vector_per_image(BackboneArchitecture architecture, int dimension)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var backbone = new ResNetBackbone(architecture, CPU, 112);

        var features = backbone.Forward(randn(2, 3, 112, 112));

        Assert.Equal(new long[] { 2, dimension }, features.shape);
        Assert.Equal(dimension, backbone.FeatureDimension);
        Assert.False(features.requires_grad);
        Assert.Empty(backbone.TrainableParameters);
        Assert.DoesNotContain(backbone.Module.named_parameters(), p => p.name.StartsWith("fc.", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_seed_gives_the_same_random_weights()
    {
        using var scope = NewDisposeScope();
        var input = randn(1, 3, 64, 64);
        manual_seed(5);
        using var a = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64);
        manual_seed(5);
        using var b = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64);

        Assert.True(a.Forward(input).eq(b.Forward(input)).all().item<bool>());
    }

    [Fact]
    public void Trainable_backbone_trains_all_but_the_frozen_stem_and_keeps_batch_norm_statistics()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var backbone = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64, trainable: true, frozenStages: 1, freezeBatchNorm: true);
        var named = backbone.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var meanBefore = ((BatchNorm2d)backbone.Module.named_modules().Single(m => m.name == "layer1.0.bn1").module).running_mean!.clone();

        backbone.SetTraining(true);
        var features = backbone.Forward(randn(2, 3, 64, 64));
        features.sum().backward();

        Assert.True(backbone.Trainable);
        Assert.DoesNotContain(backbone.TrainableParameters, p => ReferenceEquals(p, named["conv1.weight"]));
        Assert.DoesNotContain(backbone.TrainableParameters, p => ReferenceEquals(p, named["bn1.weight"]));
        Assert.Contains(backbone.TrainableParameters, p => ReferenceEquals(p, named["layer1.0.conv1.weight"]));
        Assert.Null(named["conv1.weight"].grad);
        Assert.NotNull(named["layer4.1.conv2.weight"].grad);
        var meanAfter = ((BatchNorm2d)backbone.Module.named_modules().Single(m => m.name == "layer1.0.bn1").module).running_mean!;
        Assert.True(meanBefore.eq(meanAfter).all().item<bool>(), "frozen batch norm must not update its running mean");
    }

    [Fact]
    public void Images_of_the_wrong_layout_are_refused()
    {
        using var scope = NewDisposeScope();
        using var backbone = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64);

        var e = Assert.Throws<ArgumentException>(() => backbone.Forward(randn(2, 64, 64, 3)));
        Assert.Contains("N x 3 x H x W", e.Message);
    }
}
