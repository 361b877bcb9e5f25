using static TorchSharp.torch;

namespace VideoRecognition.Tests.Model;

/// <summary>Hand-written tensors for the model tests.</summary>
internal static class ModelTensors
{
    /// <summary>[videos.Length, T, C] from per-video rows of per-segment distributions.</summary>
    public static Tensor Distributions(params double[][][] videos)
    {
        long segments = videos[0].Length;
        long classes = videos[0][0].Length;
        float[] flat = videos.SelectMany(v => v.SelectMany(s => s.Select(x => (float)x))).ToArray();
        return tensor(flat).reshape(videos.Length, segments, classes);
    }

    public static Tensor Labels(params long[] labels) => tensor(labels);

    public static long[] Row(Tensor pseudoLabels, int video) => pseudoLabels[video].data<long>().ToArray();
}
