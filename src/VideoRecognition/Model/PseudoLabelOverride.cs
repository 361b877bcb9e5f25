using TorchSharp;
using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// Known labels in place of pseudo-labels: where a person marked a segment (known != 0) the mark is the label,
/// elsewhere the model's pseudo-label stands. During warm-up, when there are no pseudo-labels, the marks alone
/// are the labels, so marked segments supervise the background head from the first epoch.
/// </summary>
public static class PseudoLabelOverride
{
    /// <param name="pseudo">The model's pseudo-labels of the batch, or null in warm-up.</param>
    /// <param name="known">[B, T] int64 <see cref="PseudoLabel"/> values, 0 where unmarked.</param>
    /// <returns>The labels to train with; Corrected counts the marked segments, Changed those whose pseudo-label the mark replaced.</returns>
    public static PseudoLabels Apply(PseudoLabels? pseudo, Tensor known)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor given = known.to(ScalarType.Int64);
        using TorchSharp.Scalar unmarked = 0L.ToScalar();
        Tensor marked = given.ne(unmarked);
        Tensor model = pseudo?.Labels ?? zeros_like(given);
        Tensor labels = where(marked, given, model);
        int corrected = (int)marked.sum().item<long>();
        int changed = (int)marked.logical_and(given.ne(model)).sum().item<long>();
        return PseudoLabels.From(labels.MoveToOuterDisposeScope()) with { Corrected = corrected, Changed = changed };
    }
}
