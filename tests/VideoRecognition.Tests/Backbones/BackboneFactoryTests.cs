using VideoRecognition.Backbones;
using VideoRecognition.Configuration;
using VideoRecognition.Runtime;
using static TorchSharp.torch;
using Device = VideoRecognition.Configuration.Device;

namespace VideoRecognition.Tests.Backbones;

public sealed class BackboneFactoryTests
{
    [Fact]
    public void Imagenet_weights_for_resnet50_are_refused_with_what_to_do()
    {
        var problems = new BackboneConfig { Architecture = BackboneArchitecture.Resnet50 }.Check().ToList();

        var (key, problem) = Assert.Single(problems);
        Assert.Equal("weights", key);
        Assert.Contains("ResNet-18 only", problem);
        Assert.Contains("resnet50", problem);
        Assert.Contains("state_dict", problem);
    }

    [Fact]
    public void Onnx_combinations_that_cannot_work_name_their_keys()
    {
        var keys = new BackboneConfig { Architecture = BackboneArchitecture.Onnx, Trainable = true, Weights = "w.pth" }
            .Check().Select(p => p.Key).ToList();
        Assert.Equal(["onnx_path", "weights", "trainable"], keys);

        var stray = Assert.Single(new BackboneConfig { OnnxPath = "m.onnx" }.Check());
        Assert.Equal("onnx_path", stray.Key);
    }

    [Fact]
    public void Defaults_are_valid_and_give_the_offline_imagenet_resnet18_at_112()
    {
        using var scope = NewDisposeScope();
        var config = new BackboneConfig();
        Assert.Empty(config.Check());

        using var backbone = BackboneFactory.Create(config, 112, Device.Cpu);

        Assert.Equal("resnet18-cntk (imagenet)", backbone.Name);
        Assert.Equal(112, backbone.InputSize);
        Assert.Equal(new long[] { 2, 512 }, backbone.Forward(TestImages.Batch(112)[..2]).shape);
    }

    [Fact]
    public void Saved_imagenet_weights_load_back_through_the_config_as_a_file()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        var images = TestImages.Batch(112);
        using var imported = BackboneFactory.Create(new BackboneConfig(), 112, Device.Cpu);
        ((ResNetBackbone)imported).SaveWeights(folder["imagenet-resnet18.pth"]);

        using var loaded = BackboneFactory.Create(new BackboneConfig { Weights = folder["imagenet-resnet18.pth"] }, 112, Device.Cpu);

        Assert.Equal("resnet18-cntk (imagenet-resnet18.pth)", loaded.Name);
        Assert.True(loaded.Forward(images).eq(imported.Forward(images)).all().item<bool>());
    }

    [Fact]
    public void Offline_onnx_at_the_wrong_size_says_which_size_it_takes()
    {
        var config = new BackboneConfig { Architecture = BackboneArchitecture.Onnx, OnnxPath = "imagenet" };

        string message = Assert.Throws<BadInputException>(() => BackboneFactory.Create(config, 112, Device.Cpu)).Message;

        Assert.Contains("input_size to 224", message);
    }

    [Fact]
    public void Cuda_without_a_cuda_build_is_refused()
    {
        if (cuda.is_available())
        {
            return; // nothing to refuse on a machine with CUDA
        }

        string message = Assert.Throws<BadInputException>(() => BackboneFactory.Create(new BackboneConfig { Weights = "none" }, 112, Device.Cuda)).Message;
        Assert.Contains("device: cpu", message);
    }
}
