using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// Open-set pseudo-labelling of the segments of each video from its base-class distribution p_t (over the C
/// base classes only). Per video, in this order, each set taken from the segments no earlier set took:
/// <list type="number">
/// <item>FG: the k_fg segments with the highest p_t(y);</item>
/// <item>NBG: the k_nbg segments closest to uniform by <see cref="ModelConfig.NbgCriterion"/>;</item>
/// <item>IBG: the rest, or with ibg_mode confident_other the k_ibg segments with the highest max_{c != y} p_t(c).</item>
/// </list>
/// FG goes first so every video keeps evidence for its own label even when T is small; a segment can
/// therefore never be in two sets. Each k is clamped to the segments still free. Ties go to the earlier segment.
/// </summary>
public static class PseudoLabeller
{
    /// <param name="probabilities">[B, T, C] base-class distributions (rows sum to one; see <see cref="BaseClassDistribution"/>).</param>
    /// <param name="labels">[B] int64 video labels in [0, C).</param>
    /// <param name="config">Reads nbg_criterion, k_fg, k_nbg, ibg_mode, k_ibg.</param>
    public static PseudoLabels Assign(Tensor probabilities, Tensor labels, ModelConfig config)
    {
        if (probabilities.dim() != 3 || labels.dim() != 1 || labels.shape[0] != probabilities.shape[0])
        {
            throw new ArgumentException(
                $"expected probabilities [B, T, C] and labels [B]; got [{string.Join(", ", probabilities.shape)}] and [{string.Join(", ", labels.shape)}]");
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long segments = probabilities.shape[1];
        Tensor p = probabilities.detach();
        Tensor y = labels.to(ScalarType.Int64).view(-1, 1, 1).expand(-1, segments, 1); // [B, T, 1]

        Tensor result = zeros_like(p[.., .., 0], dtype: ScalarType.Int64); // [B, T], all Unlabelled
        Tensor taken = zeros_like(result, dtype: ScalarType.Bool);

        long kFg = Math.Min(config.KFg, segments);
        Tensor probabilityOfLabel = p.gather(2, y).squeeze(2); // [B, T]
        Take(probabilityOfLabel, kFg, PseudoLabel.Fg, result, taken);

        long kNbg = Math.Min(config.KNbg, segments - kFg);
        Take(ClosenessToUniform(p, config.NbgCriterion), kNbg, PseudoLabel.Nbg, result, taken);

        if (config.IbgMode == IbgMode.Rest)
        {
            result.masked_fill_(taken.logical_not(), (long)PseudoLabel.Ibg);
        }
        else
        {
            long kIbg = Math.Min(config.KIbg, segments - kFg - kNbg);
            Tensor bestOtherClass = p.scatter(2, y, full_like(y, -1.0, dtype: p.dtype)).amax(2); // [B, T] max_{c != y} p_c
            Take(bestOtherClass, kIbg, PseudoLabel.Ibg, result, taken);
        }

        return PseudoLabels.From(result.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The base-class part of p_t = softmax over C+1 classes, renormalised over the C base classes: that equals
    /// softmax over the first C logits, which is how it is computed. Without the background class it is p_t itself.
    /// </summary>
    /// <param name="segmentLogits">[B, T, K] with K = C+1 (background last) or C.</param>
    /// <param name="classCount">C.</param>
    /// <returns>[B, T, C].</returns>
    public static Tensor BaseClassDistribution(Tensor segmentLogits, int classCount)
    {
        using var scope = NewDisposeScope();
        return segmentLogits[.., .., ..classCount].softmax(-1).MoveToOuterDisposeScope();
    }

    /// <summary>Higher = closer to uniform, for every criterion, so NBG is always "the k highest".</summary>
    /// <returns>[B, T].</returns>
    internal static Tensor ClosenessToUniform(Tensor p, NbgCriterion criterion)
    {
        using var scope = NewDisposeScope();
        Tensor logP = p.clamp_min(1e-12).log(); // a ruled-out class has p = 0; log 0 would poison the sums
        Tensor score = criterion switch
        {
            NbgCriterion.Entropy => -(p * logP).sum(-1),                      // H(p)
            NbgCriterion.KlUniform => logP.mean([-1]) + Math.Log(p.shape[^1]), // -KL(u || p)
            NbgCriterion.MinMaxProbability => -p.amax(-1),                    // -max_c p_c
            _ => throw new BadInputException($"model.nbg_criterion: unknown criterion {criterion}"),
        };
        return score.MoveToOuterDisposeScope();
    }

    /// <summary>Marks, per video, the <paramref name="count"/> free segments with the highest score.</summary>
    private static void Take(Tensor score, long count, PseudoLabel label, Tensor result, Tensor taken)
    {
        if (count <= 0)
        {
            return;
        }

        using var scope = NewDisposeScope();
        Tensor free = score.masked_fill(taken, double.NegativeInfinity);
        // A stable descending sort makes ties go to the earlier segment; count never exceeds the free segments.
        Tensor chosen = free.sort(1, descending: true, stable: true).Indices[.., ..(int)count]; // [B, count]
        // scatter with a tensor source: a plain number would bind to the 0-d tensor overload, which libtorch refuses.
        Tensor newlyTaken = zeros_like(taken).scatter_(1, chosen, ones_like(chosen, dtype: ScalarType.Bool));
        result.masked_fill_(newlyTaken, (long)label);
        taken.logical_or_(newlyTaken);
    }
}
