using VideoRecognition.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace VideoRecognition.Model;

/// <summary>
/// The base-class training objective, L = L_soft-cls + lambda_bg * L_bg-cls + lambda_c * L_contrast:
/// <list type="bullet">
/// <item>L_soft-cls = CE(g(v)[base classes], y), v the self-weighted (or, in the baseline, mean) pooled embedding;</item>
/// <item>L_bg-cls = mean over NBG segments of CE(g(z_t), C), C the background index;</item>
/// <item>L_contrast = <see cref="InfoNce"/> on h(z) of views A and B: FG/IBG anchors, NBG (or all) negatives.</item>
/// </list>
/// During warm-up (epoch &lt; warmup_epochs) there are no pseudo-labels: only L_soft-cls, plus L_contrast with
/// every segment an anchor and every other segment a negative when contrastive_during_warmup is on.
/// </summary>
public static class TrainingObjective
{
    /// <param name="model">The model; its <see cref="AnnotationEfficientModel.Config"/> decides the terms.</param>
    /// <param name="batch">The batch; ViewA/ViewB are needed only when L_contrast is computed.</param>
    /// <param name="epoch">Zero-based epoch, for the warm-up.</param>
    /// <param name="epochPseudoLabels">
    /// With pseudo_label_refresh every_epoch: the batch's labels from <see cref="AnnotationEfficientModel.AssignPseudoLabels"/>
    /// at the start of the epoch. Must be null with every_step (the labels come from this step's forward pass).
    /// </param>
    public static LossTerms Compute(AnnotationEfficientModel model, TrainingBatch batch, int epoch, PseudoLabels? epochPseudoLabels = null)
    {
        ModelConfig config = model.Config;
        bool warmUp = epoch < config.WarmupEpochs;
        using var scope = NewDisposeScope();

        SegmentOutputs outputs = model.forward(batch.Features);
        Tensor soft = cross_entropy(outputs.VideoLogits, batch.Labels);
        Tensor total = soft;

        PseudoLabels? pseudo = warmUp || !config.UsesPseudoLabels ? null : PseudoLabelsFor(model, outputs, batch, epochPseudoLabels);

        Tensor? background = null;
        if (pseudo is not null && model.BackgroundIndex is int backgroundIndex)
        {
            background = BackgroundLoss(outputs.SegmentLogits, pseudo, backgroundIndex);
            total = total + config.LambdaBg * background;
        }

        Tensor? contrast = null;
        if (config.Contrastive && (!warmUp || config.ContrastiveDuringWarmup))
        {
            contrast = ContrastLoss(model, batch, pseudo);
            total = total + config.LambdaC * contrast;
        }

        return new LossTerms(
            total.MoveToOuterDisposeScope(),
            soft.item<float>(),
            background?.item<float>(),
            contrast?.item<float>(),
            // Stored labels already belong to the caller; only labels made here leave this scope.
            pseudo is null || ReferenceEquals(pseudo, epochPseudoLabels) ? pseudo : pseudo with { Labels = pseudo.Labels.MoveToOuterDisposeScope() });
    }

    /// <summary>L_bg-cls: cross-entropy of the NBG segments' logits to the background class; 0 when no segment is NBG.</summary>
    /// <param name="segmentLogits">[B, T, C+1].</param>
    /// <param name="pseudo">The batch's pseudo-labels, [B, T].</param>
    /// <param name="backgroundIndex">C.</param>
    public static Tensor BackgroundLoss(Tensor segmentLogits, PseudoLabels pseudo, int backgroundIndex)
    {
        using var scope = NewDisposeScope();
        Tensor nbgLogits = segmentLogits[pseudo.Mask(PseudoLabel.Nbg)]; // [M, C+1]
        Tensor loss = nbgLogits.shape[0] == 0
            ? zeros([], dtype: segmentLogits.dtype, device: segmentLogits.device)
            : cross_entropy(nbgLogits, full(nbgLogits.shape[0], backgroundIndex, dtype: ScalarType.Int64, device: segmentLogits.device));
        return loss.MoveToOuterDisposeScope();
    }

    private static PseudoLabels PseudoLabelsFor(AnnotationEfficientModel model, SegmentOutputs outputs, TrainingBatch batch, PseudoLabels? epochPseudoLabels)
    {
        switch (model.Config.PseudoLabelRefresh)
        {
            case PseudoLabelRefresh.EveryEpoch:
                return epochPseudoLabels
                       ?? throw new ArgumentException("pseudo_label_refresh every_epoch: pass the labels assigned at the start of the epoch", nameof(epochPseudoLabels));
            default:
                if (epochPseudoLabels is not null)
                {
                    throw new ArgumentException("pseudo_label_refresh every_step computes the labels from this step; do not pass stored ones", nameof(epochPseudoLabels));
                }

                Tensor distribution = PseudoLabeller.BaseClassDistribution(outputs.SegmentLogits.detach(), model.ClassCount);
                return PseudoLabeller.Assign(distribution, batch.Labels, model.Config);
        }
    }

    private static Tensor ContrastLoss(AnnotationEfficientModel model, TrainingBatch batch, PseudoLabels? pseudo)
    {
        if (batch.ViewA is null || batch.ViewB is null)
        {
            throw new BadInputException(
                "model.contrastive is true but the batch has no two augmented views; extract features with features.train_views >= 2 or set model.contrastive: false");
        }

        Tensor a = model.Project(model.Embed(batch.ViewA)).flatten(0, 1); // [B*T, P]
        Tensor b = model.Project(model.Embed(batch.ViewB)).flatten(0, 1); // [B*T, P]
        double temperature = model.Config.ContrastiveTemperature;
        if (pseudo is null)
        {
            // Warm-up: no FG/IBG/NBG yet, so SimCLR on every segment.
            return InfoNce.Loss(a, b, ones(a.shape[0], dtype: ScalarType.Bool, device: a.device), negatives: null, temperature);
        }

        Tensor anchors = pseudo.Mask(PseudoLabel.Fg).logical_or(pseudo.Mask(PseudoLabel.Ibg)).flatten();
        Tensor? negatives = model.Config.Negatives == ContrastiveNegatives.Nbg ? pseudo.Mask(PseudoLabel.Nbg).flatten() : null;
        return InfoNce.Loss(a, b, anchors, negatives, temperature);
    }
}
