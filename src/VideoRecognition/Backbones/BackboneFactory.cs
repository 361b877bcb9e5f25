using VideoRecognition.Runtime;
using static TorchSharp.torch;
using ConfigDevice = VideoRecognition.Configuration.Device;

namespace VideoRecognition.Backbones;

/// <summary>Builds the backbone a <see cref="BackboneConfig"/> describes, on the run's device.</summary>
public static class BackboneFactory
{
    /// <summary>
    /// Random weights (weights none) come from the global torch generator: call torch.manual_seed with the
    /// run's seed first. Relative paths are taken from the current directory. The input size is the video
    /// section's (video.input_size): the frames are made there, and a fixed-size model must agree with it.
    /// </summary>
    /// <summary>As <see cref="Create"/>, with random weights (weights none) drawn from <paramref name="seed"/>.</summary>
    public static IBackbone CreateSeeded(BackboneConfig config, int inputSize, ConfigDevice device, int seed)
    {
        TorchSharp.torch.manual_seed(seed);
        return Create(config, inputSize, device);
    }

    public static IBackbone Create(BackboneConfig config, int inputSize, ConfigDevice device)
    {
        var problem = config.Check().FirstOrDefault();
        if (problem != default)
        {
            throw new BadInputException($"backbone.{problem.Key}: {problem.Problem}");
        }

        var torchDevice = ToTorch(device);
        if (config.Architecture == BackboneArchitecture.Onnx)
        {
            return config.OnnxPath.Trim() == BackboneConfig.ImageNetWeights
                ? ImageNetResNet18.CreateOnnx(torchDevice, inputSize)
                : new OnnxBackbone(config.OnnxPath, torchDevice, inputSize);
        }

        string weights = config.Weights.Trim();
        if (weights == BackboneConfig.NoWeights)
        {
            var random = new ResNetBackbone(
                config.Architecture, torchDevice, inputSize, config.Trainable, config.FrozenStages, config.FreezeBatchNorm);
            random.UsePrecision(config.Precision);
            return random;
        }

        bool offline = weights == BackboneConfig.ImageNetWeights;
        var tensors = offline ? ImageNetResNet18.ImportWeights() : WeightsFile.Read(weights);
        try
        {
            bool cntkLayout = config.Architecture == BackboneArchitecture.Resnet18 && ResNetBackbone.UsesCntkLayout(tensors);
            var backbone = new ResNetBackbone(
                config.Architecture, torchDevice, inputSize, config.Trainable, config.FrozenStages, config.FreezeBatchNorm, cntkLayout);
            try
            {
                backbone.LoadWeights(
                    tensors,
                    offline ? $"ONNX model '{ImageNetResNet18.ModelPath}'" : $"weights file '{weights}'",
                    offline ? BackboneConfig.ImageNetWeights : Path.GetFileName(weights));
                backbone.UsePrecision(config.Precision);
                return backbone;
            }
            catch
            {
                backbone.Dispose();
                throw;
            }
        }
        finally
        {
            foreach (var t in tensors.Values)
            {
                t.Dispose();
            }
        }
    }

    public static Device ToTorch(ConfigDevice device)
    {
        if (device == ConfigDevice.Cuda && !cuda.is_available())
        {
            throw new BadInputException(
                "device: cuda was asked for, but TorchSharp finds no CUDA device (this build uses TorchSharp-cpu unless built with -p:TorchBackend=cuda); use device: cpu");
        }

        return device == ConfigDevice.Cuda ? CUDA : CPU;
    }
}
