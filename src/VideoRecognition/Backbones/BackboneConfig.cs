using System.ComponentModel.DataAnnotations;
using VideoRecognition.Configuration;

namespace VideoRecognition.Backbones;

/// <summary>
/// Which network turns frames into features (config section `backbone`). Defaults suit the synthetic demo:
/// the offline ImageNet ResNet-18 at 112 px, frozen. ActivityNet runs use video.input_size 224.
/// </summary>
public sealed record BackboneConfig : IConfigSection
{
    /// <summary>Value of <see cref="Weights"/> for the offline ImageNet ResNet-18 (imported from ResNet18.onnx, no download).</summary>
    public const string ImageNetWeights = "imagenet";

    /// <summary>Value of <see cref="Weights"/> for random initialisation (seeded by the run seed).</summary>
    public const string NoWeights = "none";

    public BackboneArchitecture Architecture { get; init; } = BackboneArchitecture.Resnet18;

    /// <summary>
    /// imagenet, none, or a weights file: a PyTorch state_dict (.pt/.pth, e.g. torchvision's
    /// resnet50-0676ba61.pth), a .safetensors file, or a TorchSharp weights file. Not used by architecture onnx.
    /// </summary>
    [Required]
    public string Weights { get; init; } = ImageNetWeights;

    /// <summary>For architecture onnx: the model file, or imagenet for the offline ResNet18.onnx.</summary>
    public string OnnxPath { get; init; } = string.Empty;

    /// <summary>Fine-tune the backbone end to end; false keeps it frozen (features can then be cached).</summary>
    public bool Trainable { get; init; }

    /// <summary>
    /// When trainable: how many leading stages stay frozen (0 none; 1 the stem conv1/bn1; 2 also layer1; ...;
    /// 5 everything). Few labelled videos favour freezing the early, generic stages.
    /// </summary>
    [Range(0, 5)]
    public int FrozenStages { get; init; } = 1;

    /// <summary>
    /// When trainable: keep batch-norm running statistics fixed, because batches of a few segments would
    /// otherwise overwrite the ImageNet statistics with noisy ones. The affine parameters still train.
    /// </summary>
    public bool FreezeBatchNorm { get; init; } = true;

    /// <summary>
    /// Arithmetic of a frozen backbone's forward pass: float32 (exact, the default) or bfloat16 (channels-last
    /// bfloat16 convolutions: about twice as fast on CPUs with AVX-512 BF16 or AMX; features differ from
    /// float32 ones by about 2% in relative L2, see the README). Training always runs in float32.
    /// </summary>
    public InferencePrecision Precision { get; init; } = InferencePrecision.Float32;

    /// <summary>Frames per forward pass during feature extraction.</summary>
    [Range(1, 4096)]
    public int BatchSize { get; init; } = 32;

    public IEnumerable<(string Key, string Problem)> Check()
    {
        bool isOnnx = Architecture == BackboneArchitecture.Onnx;
        string weights = Weights.Trim();
        bool namedWeights = weights is ImageNetWeights or NoWeights;
        if (isOnnx)
        {
            if (string.IsNullOrWhiteSpace(OnnxPath))
            {
                yield return ("onnx_path", "architecture onnx needs onnx_path: a .onnx file, or imagenet for the offline ResNet-18");
            }

            if (!namedWeights)
            {
                yield return ("weights", $"an ONNX model brings its own weights, so weights is not read for architecture onnx (got '{Weights}'); remove it or choose resnet18, resnet34 or resnet50");
            }

            if (Trainable)
            {
                yield return ("trainable", "ONNX models run frozen through ONNX Runtime; to fine-tune, use architecture resnet18 with weights imagenet (the same network, imported into TorchSharp)");
            }
        }
        else if (!string.IsNullOrWhiteSpace(OnnxPath))
        {
            yield return ("onnx_path", $"onnx_path is read only when architecture is onnx (architecture is {ConfigKeys.FromProperty(Architecture.ToString())})");
        }

        if (Precision != InferencePrecision.Float32 && (Trainable || isOnnx))
        {
            yield return ("precision", $"precision {ConfigKeys.FromProperty(Precision.ToString())} is for frozen TorchSharp backbones (resnet18/34/50 with trainable false); use float32");
        }

        if (weights == ImageNetWeights && Architecture is BackboneArchitecture.Resnet34 or BackboneArchitecture.Resnet50)
        {
            string arch = ConfigKeys.FromProperty(Architecture.ToString());
            yield return ("weights", $"the offline ImageNet weights are ResNet-18 only; for {arch} bring torchvision's ImageNet state_dict (e.g. {arch}-*.pth from download.pytorch.org/models) and give its path as weights, or use weights none");
        }
    }
}

/// <summary>The arithmetic of a frozen backbone's forward pass.</summary>
public enum InferencePrecision
{
    Float32,
    Bfloat16,
}

public enum BackboneArchitecture
{
    Resnet18,
    Resnet34,
    Resnet50,
    Onnx,
}
