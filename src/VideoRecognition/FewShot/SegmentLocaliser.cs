namespace VideoRecognition.FewShot;

/// <summary>
/// Weak temporal localisation from segment scores: segments scoring at least Threshold * max are the action;
/// each run of consecutive such segments becomes one span from its first segment's start to its last one's end,
/// and spans that touch or overlap in time (overlapping dense segments) are merged. A span's score is the mean
/// score of its segments (of all merged segments after a merge). When even the best segment scores 0 or less the ratio means nothing, so only the best
/// segments (ties included) are taken: every query gets at least one span.
/// </summary>
public static class SegmentLocaliser
{
    /// <param name="scores">s_t per segment, in time order.</param>
    /// <param name="segments">Segment t's time span.</param>
    /// <param name="threshold">Fraction of the highest score a segment needs (config localisation_threshold).</param>
    public static List<ScoredSpan> Localise(ReadOnlySpan<float> scores, ReadOnlySpan<ActionSpan> segments, double threshold)
    {
        var spans = new List<ScoredSpan>();
        if (scores.Length == 0)
        {
            return spans;
        }

        float max = float.NegativeInfinity;
        foreach (float s in scores)
        {
            max = Math.Max(max, s);
        }

        double cut = max > 0f ? threshold * max : max;
        var runs = new List<(double Start, double End, double Sum, int Count)>();
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

            (double Start, double End, double Sum, int Count) run = (segments[first].Start, segments[t - 1].End, sum, t - first);
            if (runs.Count > 0 && runs[^1].End >= run.Start)
            {
                var previous = runs[^1];
                runs[^1] = (previous.Start, Math.Max(previous.End, run.End), previous.Sum + run.Sum, previous.Count + run.Count);
            }
            else
            {
                runs.Add(run);
            }
        }

        foreach (var run in runs)
        {
            spans.Add(new ScoredSpan(new ActionSpan(run.Start, run.End), run.Sum / run.Count));
        }

        return spans;
    }

    /// <summary>s_t for the given combination of weight w_t and cosine similarity to the predicted prototype.</summary>
    public static float Score(SegmentScoreKind kind, float weight, float similarity) => kind switch
    {
        SegmentScoreKind.WeightedSimilarity => weight * similarity,
        SegmentScoreKind.Similarity => similarity,
        SegmentScoreKind.Weight => weight,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
