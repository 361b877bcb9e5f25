using TorchSharp;
using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// The open-set detector's scores from the model's own outputs: for every segment a score in [0, 1] that it is
/// non-informative background, and the threshold that turns it into a decision. In training the picks come
/// from the <see cref="NeighbourLabelPrior"/> where the trainer computed it (<see cref="PseudoLabeller"/>
/// chooses); these scores are what the detector reads without it: p(background) once the head is trained (at
/// inference always), the base-class distribution's closeness to uniform before that or without a head.
/// </summary>
public static class OpenSetDetector
{
    /// <summary>The evidence used in a zero-based epoch.</summary>
    public static OpenSetScore ScoreAt(ModelConfig config, int epoch) =>
        !config.BackgroundClass || epoch < config.WarmupEpochs + config.OpenSetBootstrapEpochs ? OpenSetScore.Uniformity : config.OpenSetScore;

    /// <summary>
    /// The score at which a segment is NBG. p(background) is a probability the head is trained to make, so its
    /// threshold is fixed (nbg_threshold): every video gets as many NBG segments as the head sees, none or all.
    /// The uniformity score ranks NBG well (AUROC about 0.94 right after warm-up) but its level says little:
    /// right after warm-up nearly every segment is far from confident, so a fixed cut, or even Otsu's cut of
    /// the batch, takes almost everything. Its threshold is therefore the batch's (1 - uniformity_share)
    /// quantile: a video competes with the batch, so one without NBG gets little or none and a blank one all.
    /// </summary>
    /// <param name="config">Reads nbg_threshold and uniformity_share.</param>
    /// <param name="score">Which evidence the scores are.</param>
    /// <param name="scores">[B, T] the batch's scores of that kind.</param>
    public static double Threshold(ModelConfig config, OpenSetScore score, Tensor scores)
    {
        if (score != OpenSetScore.Uniformity)
        {
            return config.NbgThreshold; // NeighbourLabels without a prior reads p(background)
        }

        float[] values = scores.detach().to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        if (values.Length == 0 || config.UniformityShare <= 0)
        {
            return double.PositiveInfinity;
        }

        Array.Sort(values);
        int picked = (int)Math.Ceiling(config.UniformityShare * values.Length);
        return values[Math.Max(0, values.Length - picked)];
    }

    /// <param name="segmentLogits">[B, T, C+1] with the background class last, or [B, T, C] without one.</param>
    /// <param name="classCount">C.</param>
    /// <param name="config">Reads nbg_criterion.</param>
    /// <param name="score">Which evidence (see <see cref="ScoreAt"/>).</param>
    /// <returns>[B, T] scores in [0, 1]; higher = more likely NBG.</returns>
    public static Tensor Score(Tensor segmentLogits, int classCount, ModelConfig config, OpenSetScore score)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor logits = segmentLogits.detach();
        bool hasBackground = logits.shape[^1] == classCount + 1;
        if (score != OpenSetScore.Uniformity && !hasBackground)
        {
            throw new ArgumentException($"open_set_score {score} needs the background class, and the logits have {logits.shape[^1]} classes for C = {classCount}");
        }

        Tensor result = score switch
        {
            OpenSetScore.Uniformity => Uniformity(PseudoLabeller.BaseClassDistribution(logits, classCount), config.NbgCriterion),
            OpenSetScore.Background or OpenSetScore.NeighbourLabels => Background(logits, classCount),
            OpenSetScore.Combined => Uniformity(PseudoLabeller.BaseClassDistribution(logits, classCount), config.NbgCriterion).add_(Background(logits, classCount), Scalars.One).div_(Scalars.Two),
            _ => throw new ArgumentOutOfRangeException(nameof(score), score, null),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>p_t(background) of the C+1 softmax. [B, T, C+1] -> [B, T].</summary>
    public static Tensor Background(Tensor segmentLogits, int classCount)
    {
        using var scope = NewDisposeScope();
        return segmentLogits.softmax(-1)[.., .., classCount].MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Closeness to uniform of p over C classes, mapped to [0, 1] so one threshold means the same for any C:
    /// entropy H(p) / log C; exp(-KL(u || p)); (1 - max p) / (1 - 1/C).
    /// </summary>
    /// <param name="p">[B, T, C] base-class distributions.</param>
    /// <param name="criterion">How closeness to uniform is measured.</param>
    /// <returns>[B, T].</returns>
    public static Tensor Uniformity(Tensor p, NbgCriterion criterion)
    {
        using var scope = NewDisposeScope();
        int classes = (int)p.shape[^1];
        using Scalar logC = Math.Log(classes).ToScalar();
        using Scalar chanceComplement = (1.0 - (1.0 / classes)).ToScalar();
        Tensor logP = p.clamp_min(Scalars.Tiny).log(); // a ruled-out class has p = 0; log 0 would poison the sums
        Tensor score = criterion switch
        {
            NbgCriterion.Entropy => (p * logP).sum(-1).neg().div(logC),
            NbgCriterion.KlUniform => logP.mean([-1]).add(logC, Scalars.One).exp(),  // exp(-KL(u || p)), KL = -log C - mean log p
            NbgCriterion.MinMaxProbability => p.amax(-1).neg().add(Scalars.One, Scalars.One).div(chanceComplement),
            _ => throw new BadInputException($"model.nbg_criterion: unknown criterion {criterion}"),
        };
        return score.clamp(Scalars.Zero, Scalars.One).MoveToOuterDisposeScope();
    }
}
