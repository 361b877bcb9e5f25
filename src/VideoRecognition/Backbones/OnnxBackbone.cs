using Microsoft.ML.OnnxRuntime;
using TorchSharp.Modules;
using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Backbones;

/// <summary>
/// Any image model exported to ONNX, run frozen through ONNX Runtime (CPU execution provider; the features
/// are moved to the requested device afterwards). The input name and shape come from the model; whatever
/// the output's shape, each item's output is flattened into one feature vector. A model exported with a
/// fixed batch size is fed that many items at a time, the last batch padded.
/// </summary>
public sealed class OnnxBackbone : IBackbone
{
    private readonly InferenceSession session;
    private readonly string inputName;
    private readonly int fixedBatch;
    private readonly OnnxInputConvention convention;

    /// <summary>Loads the model; <paramref name="convention"/> is what it expects, torchvision's ImageNet normalisation when null.</summary>
    public OnnxBackbone(string path, Device device, int inputSize, OnnxInputConvention? convention = null, string? name = null)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"ONNX model '{path}' does not exist");
        }

        try
        {
            session = new InferenceSession(path);
        }
        catch (OnnxRuntimeException e)
        {
            throw new BadInputException($"ONNX Runtime cannot load '{path}': {e.Message}", e);
        }

        try
        {
            (inputName, fixedBatch) = CheckInput(path, inputSize);
            this.convention = convention ?? OnnxInputConvention.ImageNet;
            Device = device;
            InputSize = inputSize;
            Name = name ?? $"onnx {Path.GetFileName(path)}";
            FeatureDimension = (int)Run(zeros(1, 3, inputSize, inputSize)).shape[1];
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public string Name { get; }

    public int FeatureDimension { get; }

    public int InputSize { get; }

    public bool Trainable => false;

    public Device Device { get; }

    public IReadOnlyList<Parameter> TrainableParameters => [];

    public Tensor Forward(Tensor images)
    {
        ResNetBackbone.CheckImages(images);
        using var scope = NewDisposeScope();
        var features = Run(convention.Convert(images.detach()));
        return features.to(Device).MoveToOuterDisposeScope();
    }

    public void SetTraining(bool training)
    {
    }

    public void Dispose() => session.Dispose();

    // N x 3 x H x W in the model's convention -> N x D on the CPU
    private Tensor Run(Tensor input)
    {
        long n = input.shape[0];
        long chunk = fixedBatch > 0 ? fixedBatch : Math.Max(n, 1);
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += chunk)
        {
            long count = Math.Min(chunk, n - start);
            var batch = input.narrow(0, start, count).cpu();
            if (fixedBatch > 0 && count < fixedBatch)
            {
                batch = cat([batch, zeros(fixedBatch - count, 3, input.shape[2], input.shape[3])], 0);
            }

            parts.Add(RunBatch(batch.contiguous()).narrow(0, 0, count));
        }

        return cat(parts, 0);
    }

    private Tensor RunBatch(Tensor batch)
    {
        float[] data = batch.data<float>().ToArray();
        using var value = OrtValue.CreateTensorValueFromMemory(data, batch.shape);
        using var outputs = session.Run(new RunOptions(), [inputName], [value], [session.OutputNames[0]]);
        var output = outputs[0];
        long[] shape = output.GetTensorTypeAndShape().Shape;
        float[] result = output.GetTensorDataAsSpan<float>().ToArray();
        return tensor(result, [shape[0], result.Length / Math.Max(shape[0], 1)]);
    }

    private (string Name, int FixedBatch) CheckInput(string path, int inputSize)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw new BadInputException($"ONNX model '{path}' has {session.InputMetadata.Count} inputs; a backbone takes one image batch");
        }

        var (name, meta) = session.InputMetadata.First();
        int[] dims = meta.Dimensions;
        if (meta.ElementType != typeof(float) || dims.Length != 4 || dims[1] is not (3 or -1))
        {
            throw new BadInputException(
                $"ONNX model '{path}' takes '{name}' as [{string.Join(", ", dims)}] {meta.ElementType.Name}; a backbone needs float N x 3 x H x W");
        }

        if ((dims[2] > 0 && dims[2] != inputSize) || (dims[3] > 0 && dims[3] != inputSize))
        {
            throw new BadInputException(
                $"ONNX model '{path}' takes {dims[2]}x{dims[3]} images only; set video.input_size to {dims[2]} (it is {inputSize})");
        }

        return (name, Math.Max(dims[0], 0));
    }
}
