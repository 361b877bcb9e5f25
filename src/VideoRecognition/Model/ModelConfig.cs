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

    public NbgCriterion NbgCriterion { get; init; } = NbgCriterion.Entropy;

    /// <summary>NBG segments per video (clamped to what is left after FG).</summary>
    [Range(0, 4096)]
    public int KNbg { get; init; } = 2;

    /// <summary>FG segments per video (clamped to T).</summary>
    [Range(0, 4096)]
    public int KFg { get; init; } = 3;

    public IbgMode IbgMode { get; init; } = IbgMode.Rest;

    /// <summary>IBG segments per video with ibg_mode confident_other (clamped to what is left); unused with rest.</summary>
    [Range(0, 4096)]
    public int KIbg { get; init; } = 2;

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

        if (BackgroundClass && KNbg == 0)
        {
            yield return ("k_nbg",
                "is 0, so no segment is ever trained towards the background class; set k_nbg >= 1 or background_class: false");
        }

        if (Contrastive && Negatives == ContrastiveNegatives.Nbg && KNbg == 0)
        {
            yield return ("negatives",
                "'nbg' uses the NBG segments of the batch as the only negatives, but k_nbg is 0, so there would be none; " +
                "set k_nbg >= 1 or negatives: all");
        }

        if (Contrastive && KFg == 0 && IbgMode == IbgMode.ConfidentOther && KIbg == 0)
        {
            yield return ("k_fg",
                "k_fg and k_ibg are both 0 with ibg_mode: confident_other, so the contrastive loss has no FG/IBG anchors; " +
                "raise one of them, use ibg_mode: rest, or set contrastive: false");
        }
    }
}
