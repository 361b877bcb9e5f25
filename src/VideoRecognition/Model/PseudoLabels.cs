using TorchSharp;
using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// Open-set pseudo-labels of a batch: one <see cref="PseudoLabel"/> per segment, plus how many of each for logging.
/// </summary>
/// <param name="Labels">[B, T] int64 holding <see cref="PseudoLabel"/> values; belongs to the caller's dispose scope.</param>
/// <param name="Fg">FG segments in the batch.</param>
/// <param name="Ibg">IBG segments in the batch.</param>
/// <param name="Nbg">NBG segments in the batch.</param>
/// <param name="Unlabelled">Segments in no set (ibg_mode confident_other only).</param>
public sealed record PseudoLabels(Tensor Labels, int Fg, int Ibg, int Nbg, int Unlabelled)
{
    /// <summary>Segments whose label is a person's mark (<see cref="PseudoLabelOverride"/>), not the model's.</summary>
    public int Corrected { get; init; }

    /// <summary>Of those, segments where the mark differs from the model's own pseudo-label.</summary>
    public int Changed { get; init; }

    /// <summary>Wraps stored labels (e.g. refreshed once per epoch and gathered for a batch), counting them.</summary>
    public static PseudoLabels From(Tensor labels)
    {
        int Count(PseudoLabel label)
        {
            using var scope = NewDisposeScope();
            using Scalar value = ((long)label).ToScalar();
            return (int)labels.eq(value).sum().item<long>();
        }

        return new PseudoLabels(labels, Count(PseudoLabel.Fg), Count(PseudoLabel.Ibg), Count(PseudoLabel.Nbg), Count(PseudoLabel.Unlabelled));
    }

    /// <returns>[B, T] bool: segments carrying <paramref name="label"/>.</returns>
    public Tensor Mask(PseudoLabel label)
    {
        using Scalar value = ((long)label).ToScalar();
        return Labels.eq(value);
    }
}
