using System.ComponentModel.DataAnnotations;
using VideoRecognition.Configuration;

namespace VideoRecognition.Model;

/// <summary>
/// The annotation-efficient model and its training objective (config section `model`). Every "(choice)" of
/// METHOD.md is a key here with the method's default; the ablations are one key each (background_class,
/// self_weighting: none, contrastive) and <see cref="Baseline"/> turns the whole thing into the TSN baseline.
/// Consumers read <see cref="Resolved"/>, which applies the baseline switch.
/// </summary>
public sealed record ModelConfig : IConfigSection
{
    /// <summary>
    /// The TSN baseline: mean pooling of segment embeddings and C-way cross-entropy, no background class, no
    /// contrastive loss. Overrides background_class, self_weighting and contrastive, whatever they say.
    /// </summary>
    public bool Baseline { get; init; }

    /// <summary>E: width of the segment embedding z_t used for few-shot matching.</summary>
    [Range(1, 65536)]
    public int EmbeddingDim { get; init; } = 256;

    /// <summary>Width of the embedding head's hidden layer: e = Linear(D, hidden) - ReLU - Dropout - Linear(hidden, E).</summary>
    [Range(1, 65536)]
    public int HiddenDim { get; init; } = 512;

    /// <summary>Dropout inside the embedding head, active in training only.</summary>
    [Range(0.0, 0.95)]
    public double Dropout { get; init; } = 0.5;

    /// <summary>The (C+1)-th class that NBG segments are trained towards; off = the background-class ablation.</summary>
    public bool BackgroundClass { get; init; } = true;

    // ---- open-set pseudo-labels ----

    /// <summary>
    /// How closeness to uniform over the base classes is measured for the uniformity score (used for NBG while the
    /// background head is untrained, always without a background class, and in open_set_score combined).
    /// </summary>
    public NbgCriterion NbgCriterion { get; init; } = NbgCriterion.Entropy;

    /// <summary>
    /// (choice) The open-set detector's evidence after warm-up. neighbour_labels (default): in training the
    /// <see cref="NeighbourLabelPrior"/> picks NBG in every epoch, at inference p(background). background: the
    /// prior (or the uniformity score) for <see cref="OpenSetBootstrapEpochs"/>, then p(background); on seed 0
    /// of benchmark v2 its picks fell from 96% to 49% precision as the head, taught by its own picks, called
    /// ever more segments background. uniformity, combined: the base-class distribution's closeness to
    /// uniform, or its mean with p(background). Without a background class the prior, else uniformity.
    /// </summary>
    public OpenSetScore OpenSetScore { get; init; } = OpenSetScore.NeighbourLabels;

    /// <summary>
    /// Epochs after the warm-up in which NBG is picked by the uniformity score while the background head, which
    /// warm-up never trained, learns from those picks; from then on <see cref="OpenSetScore"/> decides.
    /// </summary>
    [Range(0, 10000)]
    public int OpenSetBootstrapEpochs { get; init; } = 1;

    /// <summary>A segment is NBG when the detector's score (in [0, 1]) reaches this; adaptive: a video may get none or all.</summary>
    [Range(0.0, 1.0)]
    public double NbgThreshold { get; init; } = 0.5;

    /// <summary>
    /// (choice) Share of each batch's segments picked as NBG by the uniformity score (bootstrap epochs and
    /// models without a background class), the most uniform first; the level of that score drifts with training
    /// and C while its ranking holds. A prior on how much of the data is NBG: keep it below the expected share so
    /// the picks stay precise (0.25 here; the synthetic default has about 30% NBG, ActivityNet an unknown share).
    /// </summary>
    [Range(0.0, 1.0)]
    public double UniformityShare { get; init; } = 0.25;

    /// <summary>
    /// (choice) k of the neighbour-label prior (<see cref="NeighbourLabelPrior"/>), which replaces the uniformity
    /// score wherever the detector has no trained head to read (bootstrap epochs; always without a background
    /// class) when the trainer can compute it; 0 turns the prior off (the method's literal uniformity bootstrap).
    /// k = 10 ranked NBG worse (AUROC 0.87 against 0.93 on one seed); 20-80 alike.
    /// </summary>
    [Range(0, 1000)]
    public int PriorNeighbours { get; init; } = 20;

    /// <summary>
    /// A segment is NBG by the prior when its neighbours' label entropy, over log min(k, C), reaches this.
    /// Set for precision, since the picks teach the background head: 0.7 kept 82-99% precision at 33-54% recall
    /// at NBG shares 0.3-0.8; 0.6 doubles the recall at 49-82% precision. A fixed level, not a quota, so a
    /// video whose segments all have class-consistent neighbours gets no NBG.
    /// </summary>
    [Range(0.0, 1.0)]
    public double PriorThreshold { get; init; } = 0.7;

    /// <summary>
    /// A segment that is not NBG is FG when y is its most likely base class and p(y), renormalised over the base
    /// classes, reaches this (well above chance, 1/C).
    /// </summary>
    [Range(0.0, 1.0)]
    public double FgThreshold { get; init; } = 0.2;

    public IbgMode IbgMode { get; init; } = IbgMode.ConfidentOther;

    /// <summary>With ibg_mode confident_other: a segment neither NBG nor FG is IBG when some base class c != y reaches this probability.</summary>
    [Range(0.0, 1.0)]
    public double IbgThreshold { get; init; } = 0.3;

    /// <summary>
    /// (choice) Whether IBG picks are also trained as "not background" (-log(1 - p(background))), so the head
    /// does not learn to suppress informative content that belongs to no base class. false is METHOD.md's
    /// literal L_bg-cls (NBG to background, FG to y): the mean weight of IBG then drops from about 0.73 to 0.54
    /// (FG 0.85), so v leans on the action. On ten fresh seeds at NBG share 0.5 it gained 0.6 points in 1-shot
    /// but localised worse on 8 of 10 (mAP@0.5 -0.034), and at shares 0.3 and 0.8 it lost mAP on every seed
    /// and gained no accuracy; so true stays (README "Results").
    /// </summary>
    public bool IbgNotBackground { get; init; } = true;

    /// <summary>
    /// (choice) Whether FG picks are also trained as "not background" with their own class's logit removed
    /// (-log(1 - p(background)) over the other C classes and background). A novel action at test time belongs to
    /// no base class; trained only against its own class's logit, the head learns "no base class claims it" as
    /// background and sinks the weights of novel actions. On (the synthetic and ActivityNet configs since
    /// 2026-12-01): on fresh seeds 70-74, +0.42 points 1-shot for the full model (4 of 5 seeds), mAP@0.5 and
    /// p(background) AUROC higher on 5 of 5 (README "Results").
    /// </summary>
    public bool UnseenClassNotBackground { get; init; }

    /// <summary>
    /// (choice) Whether L_bg-cls trains only the classifier, on a detached z, or reaches the embedding z too
    /// (false, the default: METHOD.md's literal reading). Reaching z lets the NBG and FG picks shape the space,
    /// so p(background) separates NBG from informative content there; detached, the head had to find NBG in a
    /// space shaped only by the video-level and contrastive losses, and it mistook scenes for background
    /// (p(background) AUROC NBG vs scenes 0.56 on a study seed). Measured on the development seeds 20 and 21
    /// and confirmed on fresh seeds (docs/results-history.md). With the earlier uniformity detector detached had won.
    /// </summary>
    public bool BackgroundLossDetached { get; init; }

    public PseudoLabelRefresh PseudoLabelRefresh { get; init; } = PseudoLabelRefresh.EveryStep;

    /// <summary>
    /// Epochs at the start trained without pseudo-labels (a random classifier's labels are noise): only
    /// L_soft-cls, plus L_contrast with all-segment negatives when <see cref="ContrastiveDuringWarmup"/> is on.
    /// </summary>
    [Range(0, 10000)]
    public int WarmupEpochs { get; init; } = 1;

    // ---- self-weighting ----

    public SelfWeighting SelfWeighting { get; init; } = SelfWeighting.Background;

    /// <summary>tau of self_weighting softmax: w = softmax_t(-logit_bg / tau).</summary>
    [Range(0.001, 1000.0)]
    public double WeightingTemperature { get; init; } = 1.0;

    // ---- contrastive ----

    /// <summary>The contrastive loss and its projection head; off = the contrastive ablation.</summary>
    public bool Contrastive { get; init; } = true;

    /// <summary>tau_c of InfoNCE on cosine similarities.</summary>
    [Range(0.001, 10.0)]
    public double ContrastiveTemperature { get; init; } = 0.1;

    /// <summary>Output width of the projection head Linear(E, E) - ReLU - Linear(E, projection_dim).</summary>
    [Range(1, 65536)]
    public int ProjectionDim { get; init; } = 128;

    public ContrastiveNegatives Negatives { get; init; } = ContrastiveNegatives.Nbg;

    /// <summary>
    /// Feature-space augmentation of each contrastive view, drawn afresh every step: the share of feature
    /// dimensions zeroed (inverted dropout). With cached features the stored image views never change between
    /// epochs, so without it the positive pair would be the same two vectors in every epoch.
    /// </summary>
    [Range(0.0, 0.9)]
    public double ViewFeatureDropout { get; init; } = 0.2;

    /// <summary>Feature-space augmentation: Gaussian noise added to each view, in units of the batch's feature standard deviation.</summary>
    [Range(0.0, 10.0)]
    public double ViewNoise { get; init; }

    /// <summary>
    /// Whether warm-up epochs (no pseudo-labels, so no anchors or NBG) train the contrastive loss anyway,
    /// SimCLR-style: every segment an anchor, every other segment a negative.
    /// </summary>
    public bool ContrastiveDuringWarmup { get; init; }

    // ---- loss weights: L = L_soft-cls + lambda_bg * L_bg-cls + lambda_c * L_contrast ----

    [Range(0.0, 1000.0)]
    public double LambdaBg { get; init; } = 1.0;

    [Range(0.0, 1000.0)]
    public double LambdaC { get; init; } = 0.5;

    /// <summary>This config with the baseline switch applied: what the model and the objective actually do.</summary>
    public ModelConfig Resolved() => Baseline
        ? this with { Baseline = false, BackgroundClass = false, SelfWeighting = SelfWeighting.None, Contrastive = false }
        : this;

    /// <summary>Whether the training objective needs the pseudo-labeller at all (after warm-up).</summary>
    public bool UsesPseudoLabels => BackgroundClass || Contrastive;

    /// <summary>Throws <see cref="Runtime.BadInputException"/> naming the keys (model.*) when the config cannot be trained.</summary>
    public void Validate() => ConfigValidation.ThrowIfInvalid(this, "model");

    public IEnumerable<(string Key, string Problem)> Check()
    {
        if (Baseline)
        {
            yield break; // the baseline ignores every key these rules are about
        }

        if (!BackgroundClass && SelfWeighting != SelfWeighting.None)
        {
            string what = SelfWeighting == SelfWeighting.Background ? "1 - p(background)" : "the background logit";
            yield return ("self_weighting",
                $"'{ConfigKeys.FromProperty(SelfWeighting.ToString())}' weights segments by {what}, which needs background_class: true; " +
                "with background_class: false set self_weighting: none (removing the background class removes its weights too)");
        }

        if (Contrastive && Negatives == ContrastiveNegatives.Nbg && NbgThreshold >= 1.0 && (!BackgroundClass || UniformityShare <= 0))
        {
            yield return ("negatives",
                "'nbg' uses the NBG segments of the batch as the only negatives, but a threshold of 1 picks none; " +
                "lower nbg_threshold, raise uniformity_share, or set negatives: all");
        }
    }
}
