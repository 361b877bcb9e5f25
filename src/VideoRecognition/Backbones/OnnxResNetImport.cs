using TorchSharp;
using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Backbones;

/// <summary>
/// Reads the weights of a basic-block ResNet (18 or 34) out of an ONNX graph and names them the way
/// torchvision does, so that they load into <see cref="ResNetBackbone"/>. The graph is traced from its input
/// rather than matched by node order or name: exporters name nodes freely and may list a block's shortcut
/// convolution before its main branch. Batch norms may be separate nodes or folded into convolution biases.
/// The model's input convention is folded into conv1 and bn1, so the result takes ImageNet-normalised RGB.
/// </summary>
internal sealed class OnnxResNetImport
{
    private readonly OnnxGraph graph;
    private readonly string source;
    private readonly Dictionary<string, List<OnnxNode>> consumers = [];
    private readonly Dictionary<string, Tensor> weights = [];

    private OnnxResNetImport(OnnxGraph graph, string source)
    {
        this.graph = graph;
        this.source = source;
        foreach (var node in graph.Nodes)
        {
            foreach (string input in node.Inputs)
            {
                if (!consumers.TryGetValue(input, out var list))
                {
                    consumers[input] = list = [];
                }

                list.Add(node);
            }
        }
    }

    /// <summary>
    /// torchvision-named CPU tensors, as many blocks per stage as the graph has (the caller's key check tells
    /// whether they fit an architecture); the caller disposes them.
    /// </summary>
    public static Dictionary<string, Tensor> Import(OnnxGraph graph, string source, OnnxInputConvention convention)
    {
        var import = new OnnxResNetImport(graph, source);
        try
        {
            import.Trace(convention);
            return import.weights;
        }
        catch
        {
            foreach (var t in import.weights.Values)
            {
                t.Dispose();
            }

            throw;
        }
    }

    private void Trace(OnnxInputConvention convention)
    {
        if (graph.Inputs.Count != 1)
        {
            throw Unsupported($"it has {graph.Inputs.Count} inputs; a ResNet has one image input");
        }

        // Stem: conv 7x7/2 -> bn -> relu -> max pool 3x3/2.
        var stemConv = Single(graph.Inputs[0], "Conv");
        CheckConv(stemConv, kernel: 7, stride: 2, "conv1");
        string x = ConvBn(stemConv, "conv1", "bn1");
        FoldInputConvention(convention);
        x = Through(x, "Relu");
        var pool = Single(x, "MaxPool");
        x = pool.Outputs[0];

        var blocks = new int[4];
        while (Consumers(x).Where(n => n.OpType == "Conv").ToList() is { Count: > 0 } convs)
        {
            var main = convs.FirstOrDefault(c => Kernel(c) == 3) ?? throw Unsupported($"no 3x3 convolution reads '{x}'");
            long channels = Constant(main.Inputs[1]).Dims[0];
            int stage = channels switch { 64 => 0, 128 => 1, 256 => 2, 512 => 3, _ => throw Unsupported($"convolution '{main.Name}' has {channels} output channels; a basic-block ResNet has 64, 128, 256 or 512") };
            string prefix = $"layer{stage + 1}.{blocks[stage]++}";
            x = Block(x, main, convs.FirstOrDefault(c => c != main), prefix);
        }

        if (blocks.Contains(0))
        {
            throw Unsupported($"found [{string.Join(", ", blocks)}] blocks in layer1 to layer4; every stage needs at least one");
        }
    }

    // conv 3x3 -> bn -> relu -> conv 3x3 -> bn -> add(shortcut) -> relu
    private string Block(string input, OnnxNode conv1, OnnxNode? shortcut, string prefix)
    {
        int stride = prefix.EndsWith(".0", StringComparison.Ordinal) && !prefix.StartsWith("layer1", StringComparison.Ordinal) ? 2 : 1;
        CheckConv(conv1, kernel: 3, stride, $"{prefix}.conv1");
        string x = Through(ConvBn(conv1, $"{prefix}.conv1", $"{prefix}.bn1"), "Relu");
        var conv2 = Single(x, "Conv");
        CheckConv(conv2, kernel: 3, stride: 1, $"{prefix}.conv2");
        x = ConvBn(conv2, $"{prefix}.conv2", $"{prefix}.bn2");

        string identity = input;
        if (shortcut is not null)
        {
            CheckConv(shortcut, kernel: 1, stride, $"{prefix}.downsample.0");
            identity = ConvBn(shortcut, $"{prefix}.downsample.0", $"{prefix}.downsample.1");
        }
        else if (stride != 1)
        {
            throw Unsupported($"block {prefix} changes resolution but has no shortcut convolution");
        }

        var add = Single(x, "Add");
        if (!add.Inputs.Contains(identity))
        {
            throw Unsupported($"the sum '{add.Name}' of block {prefix} does not add the block's shortcut");
        }

        return Through(add.Outputs[0], "Relu");
    }

    /// <summary>Takes a convolution's weight and the batch norm after it (or its folded bias); returns the normalised output.</summary>
    private string ConvBn(OnnxNode conv, string convName, string bnName)
    {
        var weight = Constant(conv.Inputs[1]);
        weights[$"{convName}.weight"] = ToTensor(weight);
        long channels = weight.Dims[0];

        var norm = Consumers(conv.Outputs[0]).FirstOrDefault(n => n.OpType == "BatchNormalization");
        if (norm is not null)
        {
            float epsilon = norm.Float("epsilon") ?? 1e-5f;
            weights[$"{bnName}.weight"] = ToTensor(Constant(norm.Inputs[1]));
            weights[$"{bnName}.bias"] = ToTensor(Constant(norm.Inputs[2]));
            weights[$"{bnName}.running_mean"] = ToTensor(Constant(norm.Inputs[3]));
            // torchvision's batch norm uses eps 1e-5; a different exporter epsilon is moved into the variance.
            using (Scalar shift = (epsilon - 1e-5f).ToScalar())
            {
                weights[$"{bnName}.running_var"] = ToTensor(Constant(norm.Inputs[4])).add_(shift, Scalars.One);
            }

            if (conv.Inputs.Count > 2 && conv.Inputs[2].Length > 0)
            {
                // bn(conv(x) + bias) normalises with the mean shifted by the bias.
                using var bias = ToTensor(Constant(conv.Inputs[2]));
                weights[$"{bnName}.running_mean"].sub_(bias);
            }

            return norm.Outputs[0];
        }

        // Folded (PyTorch's exporter in eval mode): conv + bias, no norm. An identity norm carries the bias.
        weights[$"{bnName}.weight"] = ones(channels);
        weights[$"{bnName}.bias"] = conv.Inputs.Count > 2 && conv.Inputs[2].Length > 0 ? ToTensor(Constant(conv.Inputs[2])) : zeros(channels);
        weights[$"{bnName}.running_mean"] = zeros(channels);
        using Scalar variance = (1f - 1e-5f).ToScalar();
        weights[$"{bnName}.running_var"] = full(channels, variance);
        return conv.Outputs[0];
    }

    /// <summary>
    /// The imported network is fed ImageNet-normalised RGB x, the ONNX one u = a x + b per channel (maybe BGR).
    /// conv1(u) = conv1'(x) + k, with conv1' the weights permuted and scaled by a, and k the convolution of the
    /// constant b; k moves into bn1's running mean. This is exact except within conv1's padding margin, where
    /// the ONNX model pads u with zeros and the imported one pads x with zeros (a difference of b per pixel).
    /// </summary>
    private void FoldInputConvention(OnnxInputConvention convention)
    {
        if (convention.IsImageNet)
        {
            return;
        }

        var weight = weights["conv1.weight"]; // out x 3 x 7 x 7, in the model's channel order
        var scale = new float[3];
        var offset = new float[3];
        var rgbColumns = new Tensor[3];
        for (int c = 0; c < 3; c++)
        {
            (scale[c], offset[c]) = convention.FromImageNet(c);
            rgbColumns[c] = weight[.., convention.ModelChannel(c)];
        }

        using var rgb = stack(rgbColumns, dim: 1); // out x 3 (RGB) x 7 x 7
        var folded = rgb * tensor(scale).view(1, 3, 1, 1);
        using var shift = (rgb * tensor(offset).view(1, 3, 1, 1)).sum([1, 2, 3]);
        weights["conv1.weight"] = folded;
        weights["bn1.running_mean"].sub_(shift);
        weight.Dispose();
        foreach (var column in rgbColumns)
        {
            column.Dispose();
        }
    }

    private void CheckConv(OnnxNode conv, int kernel, int stride, string name)
    {
        var strides = conv.Ints("strides");
        var dilations = conv.Ints("dilations");
        var pads = conv.Ints("pads");
        bool ok = Kernel(conv) == kernel
            && (strides.Count == 0 || strides.All(s => s == stride))
            && (dilations.Count == 0 || dilations.All(d => d == 1))
            && (conv.Int("group") ?? 1) == 1
            // Only the leading pads decide where windows fall; CNTK pads less at the end, which at even sizes
            // changes nothing, because the last window never reaches that far.
            && (pads.Count == 0 ? kernel == 1 : pads[0] == kernel / 2 && pads[1] == kernel / 2);
        if (!ok)
        {
            throw Unsupported($"convolution '{conv.Name}' (torchvision {name}) is not {kernel}x{kernel}, stride {stride}, padding {kernel / 2}, ungrouped");
        }
    }

    private static long Kernel(OnnxNode conv) => conv.Ints("kernel_shape") is { Count: 2 } k && k[0] == k[1] ? k[0] : -1;

    private IReadOnlyList<OnnxNode> Consumers(string tensor) =>
        consumers.TryGetValue(tensor, out var list) ? list : [];

    private OnnxNode Single(string tensor, string opType) =>
        Consumers(tensor).Where(n => n.OpType == opType).ToList() is [var node]
            ? node
            : throw Unsupported($"expected one {opType} reading '{tensor}'");

    private string Through(string tensor, string opType) => Single(tensor, opType).Outputs[0];

    private OnnxTensor Constant(string name) =>
        graph.Constants.TryGetValue(name, out var t) && t.Floats.Length > 0
            ? t
            : throw Unsupported($"'{name}' is not a float32 constant (weights computed at run time are not supported)");

    private static Tensor ToTensor(OnnxTensor t) => tensor(t.Floats, t.Dims);

    private BadInputException Unsupported(string problem) =>
        new($"ONNX model '{source}' cannot be imported as a torchvision ResNet: {problem}");
}
