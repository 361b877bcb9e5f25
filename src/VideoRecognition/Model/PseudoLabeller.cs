using TorchSharp;
using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// Open-set pseudo-labelling of the segments of each video, adaptive rather than a fixed count per video
/// (real videos range from no NBG at all to nothing but NBG, and a fixed k forces wrong labels on both ends):
/// <list type="number">
/// <item>NBG: segments whose open-set score (<see cref="OpenSetDetector"/>) reaches its threshold;</item>
/// <item>FG: of the rest, segments whose most likely base class is y with p_t(y) at least fg_threshold;</item>
/// <item>IBG: of the rest, all of them (ibg_mode rest) or those with some other base class at least ibg_threshold.</item>
/// </list>
/// NBG goes first so a segment the detector calls background is never FG: a blank video gets no FG, and a
/// video without NBG gets no NBG. A segment is in at most one set.
/// </summary>
public static class PseudoLabeller
{
    /// <summary>The labels the model as it stands gives a batch in a zero-based epoch.</summary>
    /// <param name="segmentLogits">[B, T, C+1] (background last) or [B, T, C].</param>
    /// <param name="labels">[B] int64 video labels in [0, C).</param>
    /// <param name="classCount">C.</param>
    /// <param name="config">The model config: thresholds, criterion, open-set score.</param>
    /// <param name="epoch">Zero-based epoch: decides the open-set detector's evidence.</param>
    /// <param name="training">
    /// A training batch: when p(background) reaches its threshold nowhere in the batch, the head has not learnt
    /// (or has unlearnt) to call anything background, and with no NBG picks nothing would ever teach it again
    /// (seen on a 40-video set whose bootstrap epoch had 2 steps), so the batch falls back to the bootstrap evidence.
    /// Off for inspecting single videos, where "no NBG at all" is a legitimate answer.
    /// </param>
    /// <param name="prior">
    /// [B, T] the batch's <see cref="NeighbourLabelPrior"/> scores, or null: where the detector would read the
    /// uniformity score (no trained head yet, or none at all) it reads these, at model.prior_threshold.
    /// </param>
    public static PseudoLabels Assign(Tensor segmentLogits, Tensor labels, int classCount, ModelConfig config, int epoch, bool training = false, Tensor? prior = null)
    {
        using var scope = NewDisposeScope();
        (Tensor score, double threshold) = Evidence(segmentLogits, classCount, config, epoch, training, prior);
        PseudoLabels pseudo = Assign(BaseClassDistribution(segmentLogits.detach(), classCount), score, threshold, labels, config);
        return pseudo with { Labels = pseudo.Labels.MoveToOuterDisposeScope() };
    }

    /// <summary>The detector's [B, T] scores for this epoch and the level at which a segment is NBG.</summary>
    private static (Tensor Score, double Threshold) Evidence(Tensor segmentLogits, int classCount, ModelConfig config, int epoch, bool training, Tensor? prior)
    {
        OpenSetScore kind = OpenSetDetector.ScoreAt(config, epoch);
        bool hasPrior = prior is not null && config.PriorNeighbours > 0;
        if (hasPrior && kind is (OpenSetScore.Uniformity or OpenSetScore.NeighbourLabels))
        {
            return (prior!, config.PriorThreshold);
        }

        if (kind != OpenSetScore.Uniformity)
        {
            Tensor head = OpenSetDetector.Score(segmentLogits, classCount, config, kind);
            double level = OpenSetDetector.Threshold(config, kind, head);
            if (!training || head.max().item<float>() >= level)
            {
                return (head, level);
            }
        }

        // (Training) a head that calls nothing in the batch background: with no NBG picks nothing would ever
        // teach it again (seen on a 40-video set whose bootstrap epoch had 2 steps).
        if (hasPrior)
        {
            return (prior!, config.PriorThreshold);
        }

        Tensor uniformity = OpenSetDetector.Score(segmentLogits, classCount, config, OpenSetScore.Uniformity);
        return (uniformity, OpenSetDetector.Threshold(config, OpenSetScore.Uniformity, uniformity));
    }

    /// <param name="probabilities">[B, T, C] base-class distributions (rows sum to one; see <see cref="BaseClassDistribution"/>).</param>
    /// <param name="nbgScore">[B, T] open-set scores in [0, 1].</param>
    /// <param name="nbgThreshold">Score at which a segment is NBG.</param>
    /// <param name="labels">[B] int64 video labels in [0, C).</param>
    /// <param name="config">Reads fg_threshold, ibg_mode, ibg_threshold.</param>
    public static PseudoLabels Assign(Tensor probabilities, Tensor nbgScore, double nbgThreshold, Tensor labels, ModelConfig config)
    {
        if (probabilities.dim() != 3 || labels.dim() != 1 || labels.shape[0] != probabilities.shape[0]
            || nbgScore.dim() != 2 || nbgScore.shape[0] != probabilities.shape[0] || nbgScore.shape[1] != probabilities.shape[1])
        {
            throw new ArgumentException(
                $"expected probabilities [B, T, C], scores [B, T] and labels [B]; got [{string.Join(", ", probabilities.shape)}], " +
                $"[{string.Join(", ", nbgScore.shape)}] and [{string.Join(", ", labels.shape)}]");
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar nbgAt = nbgThreshold.ToScalar();
        using Scalar fgAt = config.FgThreshold.ToScalar();
        using Scalar ibgAt = config.IbgThreshold.ToScalar();
        using Scalar minusOne = (-1.0).ToScalar();
        using Scalar nbgValue = ((long)PseudoLabel.Nbg).ToScalar();
        using Scalar fgValue = ((long)PseudoLabel.Fg).ToScalar();
        using Scalar ibgValue = ((long)PseudoLabel.Ibg).ToScalar();
        long segments = probabilities.shape[1];
        Tensor p = probabilities.detach();
        Tensor y = labels.to(ScalarType.Int64).view(-1, 1, 1).expand(-1, segments, 1); // [B, T, 1]

        Tensor nbg = nbgScore.detach().ge(nbgAt);                                        // [B, T]
        Tensor probabilityOfLabel = p.gather(2, y).squeeze(2);                           // [B, T]
        Tensor fg = probabilityOfLabel.ge(fgAt).logical_and(probabilityOfLabel.ge(p.amax(2))).logical_and(nbg.logical_not());
        Tensor rest = nbg.logical_or(fg).logical_not();
        Tensor ibg = config.IbgMode == IbgMode.Rest
            ? rest
            : rest.logical_and(p.scatter(2, y, full_like(y, minusOne, dtype: p.dtype)).amax(2).ge(ibgAt)); // max_{c != y} p_c

        Tensor result = zeros_like(nbgScore, dtype: ScalarType.Int64); // [B, T], all Unlabelled
        result.masked_fill_(nbg, nbgValue).masked_fill_(fg, fgValue).masked_fill_(ibg, ibgValue);
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
}
