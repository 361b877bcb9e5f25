using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoRecognition.Backbones;

/// <summary>
/// Turns frames into one feature vector each (the backbone f of the method). Every implementation takes the
/// same input, so the video pipeline never needs to know which one it feeds.
/// </summary>
public interface IBackbone : IDisposable
{
    /// <summary>What the user would call it: "resnet18 (imagenet)", "onnx model.onnx".</summary>
    string Name { get; }

    /// <summary>D, the length of each feature vector.</summary>
    int FeatureDimension { get; }

    /// <summary>Side of the square frames to feed; fixed-size models accept nothing else.</summary>
    int InputSize { get; }

    /// <summary>True when <see cref="TrainableParameters"/> is non-empty and gradients flow through <see cref="Forward"/>.</summary>
    bool Trainable { get; }

    /// <summary>Where the features are returned (and, for TorchSharp models, where the work is done).</summary>
    Device Device { get; }

    /// <summary>
    /// images: N x 3 x H x W float32, RGB, scaled to [0, 1] and then normalised with the ImageNet mean
    /// (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225). Returns N x <see cref="FeatureDimension"/> float32
    /// on <see cref="Device"/>: globally average-pooled features, no classifier. A frozen backbone returns
    /// features without an autograd graph.
    /// </summary>
    Tensor Forward(Tensor images);

    /// <summary>The parameters an optimiser should update; empty when frozen.</summary>
    IReadOnlyList<Parameter> TrainableParameters { get; }

    /// <summary>Switches between training behaviour (batch statistics, dropout) and inference; a no-op when frozen.</summary>
    void SetTraining(bool training);
}
