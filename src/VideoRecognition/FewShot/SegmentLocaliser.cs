namespace VideoRecognition.FewShot;

/// <summary>
/// Weak temporal localisation from segment scores. <see cref="Localise"/> cuts at one threshold: segments scoring at
/// least Threshold * max are the action; each run of consecutive such segments becomes one span from its first
/// segment's start to its last one's end, and spans that touch or overlap in time (overlapping dense segments) are
/// merged. A span's score is the mean score of its segments (of all merged segments after a merge). When even the
/// best segment scores 0 or less the ratio means nothing, so only the best segments (ties included) are taken:
/// every query gets at least one span. Segments scored -infinity are never part of a span.
/// <see cref="Proposals"/> is the detection protocol of weakly supervised localisers such as BaS-Net.
/// </summary>
public static class SegmentLocaliser
{
    /// <summary>The thresholds <see cref="Proposals"/> cuts at, as fractions of the video's best score.</summary>
    public static readonly double[] ProposalThresholds = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>Proposals that overlap a better one at least this much (tIoU) are dropped.</summary>
    public const double SuppressionTIoU = 0.5;

    /// <param name="scores">s_t per segment, in time order.</param>
    /// <param name="segments">Segment t's time span.</param>
    /// <param name="threshold">Fraction of the highest score a segment needs (config localisation_threshold).</param>
    public static List<ScoredSpan> Localise(ReadOnlySpan<float> scores, ReadOnlySpan<ActionSpan> segments, double threshold) =>
        Best(scores) is float best ? Runs(scores, segments, Cut(best, threshold)).Select(r => new ScoredSpan(r.Span, r.Mean)).ToList() : [];

    /// <summary>
    /// Ranked proposals for detection AP: the runs of <see cref="Localise"/> at every one of
    /// <see cref="ProposalThresholds"/>, each scored by its outer-inner contrast (its mean score minus the mean of
    /// the segments within a quarter of its length, at least one, on either side), best first, without those that
    /// overlap a better proposal by <see cref="SuppressionTIoU"/> or more. One threshold makes a model's mAP turn on
    /// how its scores spread below the best (a model whose weights dip inside the action loses the action's edges);
    /// the contrast prefers the span that stands out from its surroundings over a peak inside it.
    /// </summary>
    public static List<ScoredSpan> Proposals(ReadOnlySpan<float> scores, ReadOnlySpan<ActionSpan> segments)
    {
        if (Best(scores) is not float best)
        {
            return [];
        }

        var candidates = new List<ScoredSpan>();
        foreach (double threshold in ProposalThresholds)
        {
            foreach (Run run in Runs(scores, segments, Cut(best, threshold)))
            {
                var proposal = new ScoredSpan(run.Span, run.Mean - OuterMean(scores, run));
                if (!candidates.Contains(proposal))
                {
                    candidates.Add(proposal);
                }
            }
        }

        var kept = new List<ScoredSpan>();
        foreach (ScoredSpan candidate in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Span.Start).ThenBy(c => c.Span.End))
        {
            if (kept.TrueForAll(k => TemporalIoU.Of(k.Span, candidate.Span) < SuppressionTIoU))
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }

    /// <summary>s_t for the given combination of weight w_t and cosine similarity to the predicted prototype.</summary>
    public static float Score(SegmentScoreKind kind, float weight, float similarity) => kind switch
    {
        SegmentScoreKind.WeightedSimilarity => weight * similarity,
        SegmentScoreKind.Similarity => similarity,
        SegmentScoreKind.Weight => weight,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // Segments First..Last (indices) hold the run; Mean is over its segments at or above the cut.
    private readonly record struct Run(ActionSpan Span, int First, int Last, double Mean);

    // The video's highest score; null when no segment has a finite one.
    private static float? Best(ReadOnlySpan<float> scores)
    {
        float max = float.NegativeInfinity;
        foreach (float s in scores)
        {
            max = Math.Max(max, s);
        }

        return float.IsNegativeInfinity(max) ? null : max;
    }

    // threshold * best; when even the best is 0 or less the ratio means nothing, so the best itself.
    private static double Cut(float best, double threshold) => best > 0f ? threshold * best : best;

    private static List<Run> Runs(ReadOnlySpan<float> scores, ReadOnlySpan<ActionSpan> segments, double cut)
    {
        var runs = new List<(int First, int Last, double Sum, int Count, double Start, double End)>();
        int t = 0;
        while (t < scores.Length)
        {
            if (scores[t] < cut)
            {
                t++;
                continue;
            }

            int first = t;
            double sum = 0.0;
            while (t < scores.Length && scores[t] >= cut)
            {
                sum += scores[t];
                t++;
            }

            if (runs.Count > 0 && runs[^1].End >= segments[first].Start)
            {
                var previous = runs[^1];
                runs[^1] = (previous.First, t - 1, previous.Sum + sum, previous.Count + t - first, previous.Start, Math.Max(previous.End, segments[t - 1].End));
            }
            else
            {
                runs.Add((first, t - 1, sum, t - first, segments[first].Start, segments[t - 1].End));
            }
        }

        return runs.Select(r => new Run(new ActionSpan(r.Start, r.End), r.First, r.Last, r.Sum / r.Count)).ToList();
    }

    private static double OuterMean(ReadOnlySpan<float> scores, Run run)
    {
        int margin = Math.Max(1, (int)Math.Round(0.25 * (run.Last - run.First + 1), MidpointRounding.AwayFromZero));
        double sum = 0.0;
        int count = 0;
        for (int t = Math.Max(0, run.First - margin); t < Math.Min(scores.Length, run.Last + 1 + margin); t++)
        {
            if ((t < run.First || t > run.Last) && !float.IsNegativeInfinity(scores[t]))
            {
                sum += scores[t];
                count++;
            }
        }

        return count == 0 ? 0.0 : sum / count;
    }
}
