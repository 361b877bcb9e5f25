using TorchSharp.PyBridge;
using VideoRecognition.Backbones;
using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Backbones;

public sealed class WeightsFileTests
{
    [Theory]
    [InlineData("weights.pth")]
    [InlineData("weights.safetensors")]
    [InlineData("weights.dat")] // TorchSharp's own format
    public void Saved_weights_load_into_a_fresh_model_with_identical_outputs(string fileName)
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        var input = randn(2, 3, 64, 64);
        manual_seed(11);
        using var original = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64);
        original.SaveWeights(folder[fileName]);
        manual_seed(12);
        using var fresh = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64);
        Assert.False(fresh.Forward(input).allclose(original.Forward(input)));

        fresh.LoadWeights(folder[fileName]);

        Assert.True(fresh.Forward(input).eq(original.Forward(input)).all().item<bool>());
        Assert.Equal($"resnet18 ({fileName})", fresh.Name);
    }

    [Fact]
    public void A_torchvision_state_dict_with_classifier_and_without_batch_counters_loads()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        manual_seed(3);
        using var source = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64);
        var stateDict = source.Module.state_dict()
            .Where(p => !p.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value);
        stateDict["fc.weight"] = randn(1000, 512);
        stateDict["fc.bias"] = randn(1000);
        PyTorchPickler.PickleStateDict(folder["resnet18-old.pth"], stateDict);
        using var target = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64);

        target.LoadWeights(folder["resnet18-old.pth"]);

        var input = randn(1, 3, 64, 64);
        Assert.True(target.Forward(input).eq(source.Forward(input)).all().item<bool>());
    }

    [Fact]
    public void Resnet18_weights_into_resnet34_name_the_file_and_the_first_missing_key()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using (var resnet18 = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64))
        {
            resnet18.SaveWeights(folder["resnet18.pth"]);
        }

        using var resnet34 = new ResNetBackbone(BackboneArchitecture.Resnet34, CPU, 64);

        string message = Assert.Throws<BadInputException>(() => resnet34.LoadWeights(folder["resnet18.pth"])).Message;
        Assert.Contains(folder["resnet18.pth"], message);
        Assert.Contains("'layer1.2.conv1.weight'", message);
        Assert.Contains("resnet34", message);
    }

    [Fact]
    public void Resnet50_weights_into_resnet18_name_the_first_shape_mismatch()
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using (var resnet50 = new ResNetBackbone(BackboneArchitecture.Resnet50, CPU, 64))
        {
            resnet50.SaveWeights(folder["resnet50.safetensors"]);
        }

        using var resnet18 = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64);

        string message = Assert.Throws<BadInputException>(() => resnet18.LoadWeights(folder["resnet50.safetensors"])).Message;
        Assert.Contains("resnet50.safetensors", message);
        Assert.Contains("'layer1.0.conv1.weight' has shape [64, 64, 1, 1] but resnet18 needs [64, 64, 3, 3]", message);
    }

    [Theory]
    [InlineData("garbage.pth")]
    [InlineData("truncated.pth")]
    [InlineData("empty.dat")]
    [InlineData("missing.pth")]
    public void Unreadable_files_are_refused_with_their_name(string fileName)
    {
        using var scope = NewDisposeScope();
        using var folder = new TempFolder();
        using var resnet18 = new ResNetBackbone(BackboneArchitecture.Resnet18, CPU, 64);
        resnet18.SaveWeights(folder["good.pth"]);
        byte[] good = File.ReadAllBytes(folder["good.pth"]);
        switch (fileName)
        {
            case "garbage.pth": File.WriteAllText(folder[fileName], "this is not a state_dict, just some text padding it out"); break;
            case "truncated.pth": File.WriteAllBytes(folder[fileName], good[..(good.Length / 2)]); break;
            case "empty.dat": File.WriteAllBytes(folder[fileName], []); break;
        }

        string message = Assert.Throws<BadInputException>(() => resnet18.LoadWeights(folder[fileName])).Message;
        Assert.Contains(folder[fileName], message);
    }
}
