using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Backbones;

/// <summary>
/// What an ONNX model wants as input, described from a [0, 1] RGB pixel p: channel c of the model input is
/// (p_c * PixelScale - Mean[c]) / Std[c], with the channels in BGR order when <see cref="Bgr"/>.
/// Everything in this project feeds ImageNet-normalised RGB, so each convention is reached from that by
/// one per-channel affine map (and a flip), which the weight import folds into the first convolution.
/// </summary>
public sealed record OnnxInputConvention(bool Bgr, float PixelScale, float[] Mean, float[] Std)
{
    public static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];
    public static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>torchvision's convention, which models exported from PyTorch expect: no conversion at all.</summary>
    public static OnnxInputConvention ImageNet { get; } = new(false, 1f, ImageNetMean, ImageNetStd);

    public bool IsImageNet => !Bgr && PixelScale == 1f && Mean.SequenceEqual(ImageNetMean) && Std.SequenceEqual(ImageNetStd);

    /// <summary>For RGB channel c: model input = Scale * imagenet_normalised + Offset (before any flip).</summary>
    public (float Scale, float Offset) FromImageNet(int rgbChannel)
    {
        // p = x * s + m  =>  (p * k - mean) / std = x * (k s / std) + (k m - mean) / std
        float scale = PixelScale * ImageNetStd[rgbChannel] / Std[rgbChannel];
        float offset = (PixelScale * ImageNetMean[rgbChannel] - Mean[rgbChannel]) / Std[rgbChannel];
        return (scale, offset);
    }

    /// <summary>Index of RGB channel c in the model's input.</summary>
    public int ModelChannel(int rgbChannel) => Bgr ? 2 - rgbChannel : rgbChannel;

    /// <summary>Converts an N x 3 x H x W ImageNet-normalised RGB batch to this convention.</summary>
    public Tensor Convert(Tensor images)
    {
        if (IsImageNet)
        {
            return images.alias();
        }

        using var scope = NewDisposeScope();
        var scale = new float[3];
        var offset = new float[3];
        for (int c = 0; c < 3; c++)
        {
            (scale[c], offset[c]) = FromImageNet(c);
        }

        // N x 3 x H x W, still RGB
        var converted = (images * tensor(scale, device: images.device).view(1, 3, 1, 1))
            .add(tensor(offset, device: images.device).view(1, 3, 1, 1), Scalars.One);
        if (Bgr)
        {
            converted = converted.flip(1);
        }

        return converted.MoveToOuterDisposeScope();
    }
}
