using System.ComponentModel.DataAnnotations;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;

namespace VideoRecognition.FewShot;

/// <summary>
/// The novel-class few-shot test (config section `eval`): N-way K-shot episodes with Q queries per class,
/// the classifier fitted per episode, and the weak temporal localisation of the recognised action.
/// The seed is not here: the caller derives one from the run's seed and passes it to the sampler.
/// </summary>
public sealed record EvaluationConfig : IConfigSection
{
    /// <summary>N: classes per episode.</summary>
    [Range(2, 1000)]
    public int Way { get; init; } = 5;

    /// <summary>K: labelled support videos per class (the paper reports 1 and 5).</summary>
    [Range(1, 1000)]
    public int Shot { get; init; } = 1;

    /// <summary>Q: query videos per class and episode.</summary>
    [Range(1, 1000)]
    public int Query { get; init; } = 5;

    /// <summary>E: episodes; the paper averages over 10,000. At least 2 so that a confidence interval exists.</summary>
    [Range(2, 10_000_000)]
    public int Episodes { get; init; } = 10_000;

    /// <summary>Which classes episodes are drawn from: novel for the final test, val for tuning.</summary>
    public SplitPart Split { get; init; } = SplitPart.Novel;

    public FewShotClassifierKind Classifier { get; init; } = FewShotClassifierKind.Prototype;

    /// <summary>Gradient-descent steps of the logistic-regression classifier.</summary>
    [Range(1, 100_000)]
    public int LogisticIterations { get; init; } = 300;

    /// <summary>L2 penalty (lambda/2 * ||W||^2, bias not penalised) of the logistic-regression classifier.</summary>
    [Range(0.0, 100.0)]
    public double LogisticL2 { get; init; } = 0.01;

    /// <summary>
    /// A segment belongs to the predicted action when its score is at least this fraction of the video's highest
    /// score: the spans the mean tIoU reads, the recogniser's spans, and the detections with single proposals.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LocalisationThreshold { get; init; } = 0.5;

    /// <summary>Which spans of a query the detection mAP ranks (and the ActivityNet detection file lists).</summary>
    public LocalisationProposals LocalisationProposals { get; init; } = LocalisationProposals.MultiThreshold;

    /// <summary>How a segment's localisation score is made from its weight w_t and its similarity to the predicted prototype.</summary>
    public SegmentScoreKind LocalisationScore { get; init; } = SegmentScoreKind.WeightedSimilarity;

    /// <summary>
    /// Whether `vrec eval` also writes the official ActivityNet classification and detection result files of the
    /// query videos (and scores the detections as ActivityNet's evaluation does).
    /// </summary>
    public bool ActivitynetResults { get; init; } = true;

    public IEnumerable<(string Key, string Problem)> Check()
    {
        // 10,000 episodes of 1000-way 1000-shot are allowed one by one but not together: bound the work per episode.
        long videosPerEpisode = (long)Way * (Shot + Query);
        if (videosPerEpisode > 100_000)
        {
            yield return ("way", $"way * (shot + query) must be at most 100000 videos per episode; got {Way} * ({Shot} + {Query}) = {videosPerEpisode}");
        }
    }
}

/// <summary>How query videos are classified within an episode.</summary>
public enum FewShotClassifierKind
{
    /// <summary>Cosine similarity to class prototypes (mean of the L2-normalised support features, re-normalised).</summary>
    Prototype,

    /// <summary>Multinomial logistic regression fitted on the episode's support set.</summary>
    LogisticRegression,
}

/// <summary>The detections of a query video that localisation mAP ranks.</summary>
public enum LocalisationProposals
{
    /// <summary>
    /// The spans at thresholds 0.1 to 0.9 of the best score, scored by outer-inner contrast, after non-maximum
    /// suppression (SegmentLocaliser.Proposals; the default since 2026-11-30).
    /// </summary>
    MultiThreshold,

    /// <summary>The spans at localisation_threshold, scored by their mean (the rule before 2026-11-30).</summary>
    Single,
}

/// <summary>The per-segment localisation score s_t of a query video for its predicted class c.</summary>
public enum SegmentScoreKind
{
    /// <summary>s_t = w_t * cos(z_t, prototype_c): the segment must be both informative and like the class.</summary>
    WeightedSimilarity,

    /// <summary>s_t = cos(z_t, prototype_c): ignores the background head (an ablation).</summary>
    Similarity,

    /// <summary>s_t = w_t: class-agnostic, the background head alone (an ablation).</summary>
    Weight,
}
