using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VideoRecognition.Backbones;

/// <summary>
/// A torchvision ResNet-18/34/50 in TorchSharp: batched, on any device, optionally fine-tuned.
/// </summary>
public sealed class ResNetBackbone : IBackbone
{
    // torchvision's ImageNet checkpoints carry the classifier, and those saved before PyTorch 0.4.1 lack
    // the batch-norm counters; neither is needed for features.
    private static readonly HashSet<string> ClassifierKeys = ["fc.weight", "fc.bias"];

    private readonly ResNetTrunk trunk;
    private readonly bool freezeBatchNorm;
    private readonly List<Parameter> trainable;
    private bool channelsLast;

    /// <summary>
    /// A randomly initialised network; seed the global generator (torch.manual_seed) first for repeatable
    /// weights. cntkLayout gives resnet18 a third block in layer4, the layout of the offline ImageNet weights
    /// (see <see cref="UsesCntkLayout"/>).
    /// </summary>
    public ResNetBackbone(
        BackboneArchitecture architecture,
        Device device,
        int inputSize,
        bool trainable = false,
        int frozenStages = 0,
        bool freezeBatchNorm = true,
        bool cntkLayout = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frozenStages);
        trunk = new ResNetTrunk(architecture, cntkLayout);
        this.freezeBatchNorm = freezeBatchNorm;
        Architecture = architecture;
        InputSize = inputSize;
        Device = device;
        Name = $"{trunk.GetName()} ({BackboneConfig.NoWeights})";

        foreach (var module in trunk.Stages.Take(trainable ? frozenStages : int.MaxValue).SelectMany(m => m))
        {
            foreach (var p in module.parameters())
            {
                p.requires_grad = false;
            }
        }

        this.trainable = trunk.parameters().Where(p => p.requires_grad).ToList();
        trunk.to(device);
        trunk.eval();
    }

    public BackboneArchitecture Architecture { get; }

    public string Name { get; private set; }

    public int FeatureDimension => trunk.FeatureDimension;

    public int InputSize { get; }

    public bool Trainable => trainable.Count > 0;

    public Device Device { get; }

    public IReadOnlyList<Parameter> TrainableParameters => trainable;

    /// <summary>The TorchSharp module, with torchvision's parameter names (no fc), for saving or inspection.</summary>
    public nn.Module Module => trunk;

    /// <summary>The arithmetic of the forward pass (bfloat16 only when frozen; see <see cref="UsePrecision"/>).</summary>
    public InferencePrecision Precision { get; private set; } = InferencePrecision.Float32;

    /// <summary>
    /// Runs the frozen network in bfloat16 from now on: the weights are converted once, and each batch goes
    /// in as channels-last bfloat16 (oneDNN's fast layout for it) and comes out as float32 features. One
    /// exception: on CPUs that hide their cache topology (<see cref="Runtime.OneDnnGuard"/>), oneDNN's
    /// channels-last bfloat16 kernels for ResNet-50's strided 1x1 convolutions die with SIGFPE (seen here),
    /// so bottleneck networks keep the NCHW layout there (about 25% slower than channels-last on ResNet-18).
    /// </summary>
    public void UsePrecision(InferencePrecision precision)
    {
        if (precision == Precision)
        {
            return;
        }

        if (Trainable)
        {
            throw new InvalidOperationException("a trainable backbone runs in float32");
        }

        trunk.to(precision == InferencePrecision.Bfloat16 ? ScalarType.BFloat16 : ScalarType.Float32);
        Precision = precision;
        channelsLast = precision == InferencePrecision.Bfloat16
            && !(Architecture == BackboneArchitecture.Resnet50 && Device.type == DeviceType.CPU && Runtime.OneDnnGuard.CacheTopologyHidden());
        Name = precision == InferencePrecision.Bfloat16 ? $"{Name}, bfloat16" : Name.Replace(", bfloat16", "", StringComparison.Ordinal);
    }

    public Tensor Forward(Tensor images)
    {
        CheckImages(images);
        images = images.to(Device);
        if (Precision == InferencePrecision.Bfloat16)
        {
            using var scope = NewDisposeScope();
            using var noGradBf16 = no_grad();
            Tensor input = channelsLast
                ? images.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2).to(ScalarType.BFloat16)
                : images.to(ScalarType.BFloat16);
            return trunk.call(input).to(ScalarType.Float32).MoveToOuterDisposeScope();
        }

        if (Trainable)
        {
            return trunk.call(images);
        }

        using var noGrad = no_grad();
        return trunk.call(images);
    }

    public void SetTraining(bool training)
    {
        if (!Trainable)
        {
            return;
        }

        trunk.train(training);
        if (training && freezeBatchNorm)
        {
            foreach (var norm in trunk.modules().OfType<BatchNorm2d>())
            {
                norm.eval();
            }
        }
    }

    /// <summary>Loads weights checked key by key and shape by shape; a torchvision classifier (fc.*) in the file is ignored.</summary>
    public void LoadWeights(string path)
    {
        var tensors = WeightsFile.Read(path);
        try
        {
            LoadWeights(tensors, $"weights file '{path}'", Path.GetFileName(path));
        }
        finally
        {
            foreach (var t in tensors.Values)
            {
                t.Dispose();
            }
        }
    }

    /// <summary>Loads weights already in memory (e.g. imported from ONNX); <paramref name="sourceName"/> names them in errors.</summary>
    public void LoadWeights(IReadOnlyDictionary<string, Tensor> tensors, string sourceName, string weightsName)
    {
        WeightsFile.Assign(trunk, tensors, sourceName, ClassifierKeys, key => key.EndsWith(".num_batches_tracked", StringComparison.Ordinal));
        Name = $"{trunk.GetName()} ({weightsName})";
    }

    /// <summary>Saves the weights (torchvision names, no fc) as PyTorch .pt/.pth, .safetensors, or TorchSharp (any other extension).</summary>
    public void SaveWeights(string path) => WeightsFile.Write(trunk, path);

    public void Dispose() => trunk.Dispose();

    /// <summary>Whether resnet18 weights come from CNTK's ResNet-18 (three blocks in layer4, as the offline ImageNet weights).</summary>
    public static bool UsesCntkLayout(IReadOnlyDictionary<string, Tensor> weights) =>
        weights.ContainsKey("layer4.2.conv1.weight") && !weights.ContainsKey("layer1.2.conv1.weight");

    internal static void CheckImages(Tensor images)
    {
        if (images.ndim != 4 || images.shape[1] != 3 || images.dtype != ScalarType.Float32)
        {
            throw new ArgumentException(
                $"images must be N x 3 x H x W float32 (got [{string.Join(", ", images.shape)}] {images.dtype})", nameof(images));
        }
    }
}
