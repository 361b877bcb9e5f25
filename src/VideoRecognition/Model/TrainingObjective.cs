using TorchSharp;
using VideoRecognition.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace VideoRecognition.Model;

/// <summary>
/// The base-class training objective, L = L_soft-cls + lambda_bg * L_bg-cls + lambda_c * L_contrast:
/// <list type="bullet">
/// <item>L_soft-cls = CE(g(v)[base classes], y), v the self-weighted (or, in the baseline, mean) pooled embedding;</item>
/// <item>L_bg-cls = the mean of its parts that have segments: CE(g(z_t), C) over NBG picks, CE(g(z_t), y) over FG
/// picks, with ibg_not_background -log(1 - p_t(background)) over IBG picks, and with unseen_class_not_background
/// the same over FG picks with their own class's logit removed. Both the NBG and the FG side are
/// needed: trained on NBG alone nothing keeps p(background) low on foreground, the self-weights of FG sink
/// and localisation collapses;</item>
/// <item>L_contrast = symmetric <see cref="InfoNce"/> on h(z) of views A and B, each view augmented afresh in
/// feature space every step: FG/IBG anchors, NBG (or all) negatives.</item>
/// </list>
/// During warm-up (epoch &lt; warmup_epochs) there are no pseudo-labels: only L_soft-cls, plus L_contrast with
/// every segment an anchor and every other segment a negative when contrastive_during_warmup is on.
/// </summary>
public static class TrainingObjective
{
    /// <param name="model">The model; its <see cref="AnnotationEfficientModel.Config"/> decides the terms.</param>
    /// <param name="batch">The batch; ViewA/ViewB are needed only when L_contrast is computed.</param>
    /// <param name="epoch">Zero-based epoch, for the warm-up and the open-set detector's evidence.</param>
    /// <param name="epochPseudoLabels">
    /// With pseudo_label_refresh every_epoch: the batch's labels from <see cref="AnnotationEfficientModel.AssignPseudoLabels"/>
    /// at the start of the epoch. Must be null with every_step (the labels come from this step's forward pass).
    /// </param>
    /// <param name="knownLabels">[B, T] a person's marks (<see cref="PseudoLabel"/> values, 0 where unmarked), which replace the pseudo-labels; null for none.</param>
    public static LossTerms Compute(AnnotationEfficientModel model, TrainingBatch batch, int epoch, PseudoLabels? epochPseudoLabels = null, Tensor? knownLabels = null)
    {
        ModelConfig config = model.Config;
        bool warmUp = epoch < config.WarmupEpochs;
        using var scope = NewDisposeScope();
        using Scalar lambdaBg = config.LambdaBg.ToScalar();
        using Scalar lambdaC = config.LambdaC.ToScalar();

        SegmentOutputs outputs = model.forward(batch.Features);
        Tensor soft = cross_entropy(outputs.VideoLogits, batch.Labels);
        Tensor total = soft;

        PseudoLabels? modelLabels = warmUp || !config.UsesPseudoLabels ? null : PseudoLabelsFor(model, outputs, batch, epoch, epochPseudoLabels);
        PseudoLabels? pseudo = knownLabels is null || !config.UsesPseudoLabels ? modelLabels : PseudoLabelOverride.Apply(modelLabels, knownLabels);

        Tensor? background = null;
        if (pseudo is not null && model.BackgroundIndex is int backgroundIndex)
        {
            Tensor logits = config.BackgroundLossDetached ? model.Classify(outputs.Embeddings.detach()) : outputs.SegmentLogits;
            background = BackgroundLoss(logits, pseudo, batch.Labels, backgroundIndex, config.IbgNotBackground, config.UnseenClassNotBackground);
            total = total.add(background, lambdaBg);
        }

        Tensor? contrast = null;
        if (config.Contrastive && (!warmUp || config.ContrastiveDuringWarmup))
        {
            contrast = ContrastLoss(model, batch, warmUp ? null : pseudo); // warm-up contrasts every segment, marked or not
            total = total.add(contrast, lambdaC);
        }

        return new LossTerms(
            total.MoveToOuterDisposeScope(),
            soft.item<float>(),
            background?.item<float>(),
            contrast?.item<float>(),
            // Stored labels already belong to the caller; only labels made here leave this scope.
            pseudo is null || ReferenceEquals(pseudo, epochPseudoLabels) ? pseudo : pseudo with { Labels = pseudo.Labels.MoveToOuterDisposeScope() });
    }

    /// <summary>
    /// L_bg-cls: the mean of the parts that have segments (NBG to the background class, FG to the video's
    /// class, optionally IBG away from the background class); 0 when no segment is picked.
    /// </summary>
    /// <param name="segmentLogits">[B, T, C+1].</param>
    /// <param name="pseudo">The batch's pseudo-labels, [B, T].</param>
    /// <param name="labels">[B] video labels.</param>
    /// <param name="backgroundIndex">C.</param>
    /// <param name="ibgNotBackground">Whether IBG picks are trained away from the background class.</param>
    /// <param name="unseenClassNotBackground">
    /// Whether FG picks are also trained as not background with their own class's logit removed: a novel action
    /// at test time belongs to no base class, and a head that calls background whatever no base class claims
    /// would suppress it.
    /// </param>
    public static Tensor BackgroundLoss(Tensor segmentLogits, PseudoLabels pseudo, Tensor labels, int backgroundIndex, bool ibgNotBackground, bool unseenClassNotBackground = false)
    {
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>(4); // NBG, FG, FG without its class, IBG
        Tensor nbgLogits = segmentLogits[pseudo.Mask(PseudoLabel.Nbg)]; // [M, C+1]
        if (nbgLogits.shape[0] > 0)
        {
            using Scalar background = ((long)backgroundIndex).ToScalar();
            parts.Add(cross_entropy(nbgLogits, full(nbgLogits.shape[0], background, dtype: ScalarType.Int64, device: segmentLogits.device)));
        }

        Tensor fgMask = pseudo.Mask(PseudoLabel.Fg);
        Tensor fgLogits = segmentLogits[fgMask]; // [F, C+1]
        if (fgLogits.shape[0] > 0)
        {
            Tensor fgTargets = labels.to(ScalarType.Int64).unsqueeze(1).expand(-1, segmentLogits.shape[1])[fgMask]; // [F]
            parts.Add(cross_entropy(fgLogits, fgTargets));
            if (unseenClassNotBackground)
            {
                // The FG segment as an unseen class would see the head: its own class's logit gone.
                Tensor ownClass = nn.functional.one_hot(fgTargets, segmentLogits.shape[^1]).to(ScalarType.Bool); // [F, C+1]
                parts.Add(NotBackground(fgLogits.masked_fill(ownClass, Scalars.NegativeInfinity), backgroundIndex));
            }
        }

        Tensor ibgLogits = segmentLogits[pseudo.Mask(PseudoLabel.Ibg)]; // [I, C+1]
        if (ibgNotBackground && ibgLogits.shape[0] > 0)
        {
            parts.Add(NotBackground(ibgLogits, backgroundIndex));
        }

        Tensor loss = parts.Count == 0
            ? zeros([], dtype: segmentLogits.dtype, device: segmentLogits.device)
            : stack(parts).mean();
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>Mean of -log(1 - p_bg) over rows of [N, C+1] logits.</summary>
    private static Tensor NotBackground(Tensor logits, int backgroundIndex)
    {
        // -log(1 - p_bg) = -log sum_{c < C} exp(l_c) + log sum_all exp(l): stable without forming 1 - p.
        return logits[.., ..backgroundIndex].logsumexp(1).sub(logits.logsumexp(1)).neg().mean();
    }

    private static PseudoLabels PseudoLabelsFor(AnnotationEfficientModel model, SegmentOutputs outputs, TrainingBatch batch, int epoch, PseudoLabels? epochPseudoLabels)
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

                return PseudoLabeller.Assign(outputs.SegmentLogits.detach(), batch.Labels, model.ClassCount, model.Config, epoch, training: true, batch.NbgPrior);
        }
    }

    private static Tensor ContrastLoss(AnnotationEfficientModel model, TrainingBatch batch, PseudoLabels? pseudo)
    {
        if (batch.ViewA is null || batch.ViewB is null)
        {
            throw new BadInputException(
                "model.contrastive is true but the batch has no two augmented views; extract features with features.train_views >= 2 or set model.contrastive: false");
        }

        ModelConfig config = model.Config;
        Tensor a = model.Project(model.Embed(FeatureViewAugmentation.Apply(batch.ViewA, config))).flatten(0, 1); // [B*T, P]
        Tensor b = model.Project(model.Embed(FeatureViewAugmentation.Apply(batch.ViewB, config))).flatten(0, 1); // [B*T, P]
        double temperature = config.ContrastiveTemperature;
        if (pseudo is null)
        {
            // Warm-up: no FG/IBG/NBG yet, so SimCLR on every segment.
            return InfoNce.Symmetric(a, b, ones(a.shape[0], dtype: ScalarType.Bool, device: a.device), negatives: null, temperature);
        }

        Tensor anchors = pseudo.Mask(PseudoLabel.Fg).logical_or(pseudo.Mask(PseudoLabel.Ibg)).flatten();
        Tensor? negatives = config.Negatives == ContrastiveNegatives.Nbg ? pseudo.Mask(PseudoLabel.Nbg).flatten() : null;
        return InfoNce.Symmetric(a, b, anchors, negatives, temperature);
    }
}
