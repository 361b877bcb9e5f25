using TorchSharp;
using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// Self-weighting: segment weights w_t from the background head and the pooled video feature
/// v = sum_t w_t z_t / sum_t w_t, so that background segments contribute little to the video's class.
/// </summary>
public static class SelfWeightedPooling
{
    // Keeps v finite when a video looks like background everywhere (all w_t near 0).
    private static readonly Scalar MinimumWeightSum = 1e-6.ToScalar();

    /// <param name="segmentLogits">[B, T, C+1] with the background class last ([B, T, C] when <paramref name="mode"/> is None).</param>
    /// <param name="mode">The self_weighting choice.</param>
    /// <param name="temperature">tau of the softmax choice.</param>
    /// <returns>[B, T] weights w_t.</returns>
    public static Tensor Weights(Tensor segmentLogits, SelfWeighting mode, double temperature = 1.0)
    {
        using var scope = NewDisposeScope();
        using Scalar tau = temperature.ToScalar();
        long background = segmentLogits.shape[^1] - 1;
        Tensor weights = mode switch
        {
            SelfWeighting.Background => segmentLogits.softmax(-1)[.., .., background].neg().add(Scalars.One, Scalars.One), // 1 - p_t(bg)
            SelfWeighting.Softmax => segmentLogits[.., .., background].neg().div(tau).softmax(1),     // over t
            SelfWeighting.None => ones(segmentLogits.shape[0], segmentLogits.shape[1], dtype: segmentLogits.dtype, device: segmentLogits.device),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
        };
        return weights.MoveToOuterDisposeScope();
    }

    /// <param name="embeddings">[B, T, E] segment embeddings z_t.</param>
    /// <param name="weights">[B, T] weights w_t.</param>
    /// <returns>[B, E] video feature v.</returns>
    public static Tensor Pool(Tensor embeddings, Tensor weights)
    {
        using var scope = NewDisposeScope();
        Tensor weighted = (weights.unsqueeze(-1) * embeddings).sum(1);           // [B, E]
        Tensor total = weights.sum(1, keepdim: true).clamp_min(MinimumWeightSum); // [B, 1]
        return (weighted / total).MoveToOuterDisposeScope();
    }
}
