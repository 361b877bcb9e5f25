using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Backbones;

/// <summary>
/// The ImageNet-trained ResNet-18 that ships offline with the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18
/// (copied by the build to DnnImageModels/ next to the program). It is a CNTK export: input 1 x 3 x 224 x 224,
/// output the 512 x 1 x 1 pooled features (no classifier). CNTK's ResNet-18 is not torchvision's: its layer4
/// has three basic blocks, not two (CNTK's recipe stacks [2, 1, 1, 2] blocks after each stage's first), so it
/// imports into <see cref="ResNetBackbone"/> with cntkLayout (20 weight layers; same 512-d output).
/// Its input convention, read from the package's ResNetPreprocess.onnx: channels in BGR order, pixel values
/// 0-255, minus a 224 x 224 per-pixel mean image, not divided by a std. This project uses the per-channel
/// averages of that mean image (about B 103.06, G 115.90, R 123.15, close to 255 times torchvision's mean),
/// because a per-pixel mean cannot follow other input sizes or crops.
/// </summary>
public static class ImageNetResNet18
{
    private static readonly Lazy<OnnxInputConvention> LazyConvention = new(ReadConvention);

    public static string ModelPath { get; } = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    public static string PreprocessPath { get; } = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx");

    /// <summary>BGR, 0-255, minus the channel averages of the package's mean image, std 1.</summary>
    public static OnnxInputConvention InputConvention => LazyConvention.Value;

    /// <summary>The ONNX model run through ONNX Runtime (224 x 224 only, one image per run).</summary>
    public static OnnxBackbone CreateOnnx(Device device, int inputSize = 224) =>
        new(RequireFile(ModelPath), device, inputSize, InputConvention, $"onnx resnet18 ({BackboneConfig.ImageNetWeights})");

    /// <summary>
    /// The ONNX weights as a torchvision resnet18 state_dict (no fc) taking ImageNet-normalised RGB; CPU
    /// tensors the caller disposes. Save them with <see cref="ResNetBackbone.SaveWeights"/> to skip the import next time.
    /// </summary>
    public static Dictionary<string, Tensor> ImportWeights()
    {
        var graph = OnnxGraph.Load(RequireFile(ModelPath));
        return OnnxResNetImport.Import(graph, ModelPath, InputConvention);
    }

    private static OnnxInputConvention ReadConvention()
    {
        var graph = OnnxGraph.Load(RequireFile(PreprocessPath));
        if (!graph.Constants.TryGetValue("MeanImage", out var meanImage) || meanImage.Dims is not [1, 3, _, _])
        {
            throw new BadInputException($"'{PreprocessPath}' has no 1 x 3 x H x W MeanImage; is the package version the expected 0.23.1?");
        }

        // MeanImage is in BGR order; the convention lists means in RGB order.
        int plane = (int)(meanImage.Dims[2] * meanImage.Dims[3]);
        float[] bgr = Enumerable.Range(0, 3).Select(c => (float)meanImage.Floats.AsSpan(c * plane, plane).ToArray().Average()).ToArray();
        return new OnnxInputConvention(Bgr: true, PixelScale: 255f, Mean: [bgr[2], bgr[1], bgr[0]], Std: [1f, 1f, 1f]);
    }

    private static string RequireFile(string path) =>
        File.Exists(path)
            ? path
            : throw new BadInputException(
                $"the offline ImageNet ResNet-18 is missing: '{path}' (the build copies it from the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18); rebuild, or set backbone.weights to a torchvision state_dict");
}
