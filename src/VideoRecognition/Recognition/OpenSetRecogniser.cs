using System.Numerics.Tensors;
using VideoRecognition.FewShot;

namespace VideoRecognition.Recognition;

/// <summary>
/// Few-shot recognition with a "none of these" answer. Prototypes are the normalised mean of each class's
/// normalised support features (as in the episode test); a support video with a given span contributes the
/// self-weighted mean of only the segments that overlap it. A query's classes are ranked by cosine similarity
/// to the prototypes; below the open-set threshold it matches no support class. Its action spans come from
/// s_t = w_t * cos(z_t, prototype) of its top class (<see cref="SegmentLocaliser"/>), never over a segment the
/// open-set detector calls background.
/// </summary>
public sealed class OpenSetRecogniser
{
    private readonly Dictionary<string, float[]> prototypes;
    private readonly Dictionary<string, List<float[]>> supportByClass;

    public OpenSetRecogniser(IReadOnlyList<(VideoEmbedding Video, IReadOnlyList<ActionSpan> Spans)> support)
    {
        supportByClass = support
            .GroupBy(s => s.Video.Label, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => Normalised(Pooled(s.Video, s.Spans))).ToList(), StringComparer.Ordinal);
        prototypes = supportByClass.ToDictionary(p => p.Key, p => Mean(p.Value), StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Classes => prototypes.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The leave-one-out threshold: a support video scored against its own class without it is a known query,
    /// its best score against the other classes is what a query of an unseen class would get; the cut with the
    /// best balanced accuracy between the two (ties: the middle of the best interval). Null when no class has two
    /// videos or there is only one class.
    /// </summary>
    public double? LeaveOneOutThreshold()
    {
        var known = new List<double>();
        var unknown = new List<double>();
        foreach (var (label, videos) in supportByClass)
        {
            for (int i = 0; i < videos.Count; i++)
            {
                if (videos.Count > 1)
                {
                    known.Add(Dot(videos[i], Mean(videos.Where((_, j) => j != i).ToList())));
                }

                var others = prototypes.Where(p => p.Key != label).Select(p => Dot(videos[i], p.Value)).ToList();
                if (others.Count > 0)
                {
                    unknown.Add(others.Max());
                }
            }
        }

        if (known.Count == 0 || unknown.Count == 0)
        {
            return null;
        }

        double[] cuts = known.Concat(unknown).Distinct().Order().ToArray();
        double Balanced(double cut) => (known.Count(k => k >= cut) / (double)known.Count) + (unknown.Count(u => u < cut) / (double)unknown.Count);
        double best = cuts.Max(Balanced);
        // A cut c accepts scores >= c; every threshold in (the score below c, c] decides the same, so take the middle.
        double low = cuts.First(c => Balanced(c) >= best - 1e-12);
        double[] below = cuts.Where(c => c < low).ToArray();
        return below.Length == 0 ? low : (below[^1] + low) / 2.0;
    }

    /// <param name="query">Its segments, weights and pooled feature.</param>
    /// <param name="background">Per segment: whether the open-set detector calls it non-informative background.</param>
    /// <param name="threshold">The open-set threshold on the best cosine similarity.</param>
    /// <param name="localisationThreshold">Fraction of the best segment score a segment needs to be in a span.</param>
    /// <param name="top">Ranked classes kept.</param>
    public QueryRecognition Recognise(VideoEmbedding query, bool[] background, double threshold, double localisationThreshold, int top)
    {
        float[] pooled = Normalised(query.Pooled);
        var ranked = prototypes
            .Select(p => new ClassScore(p.Key, Dot(pooled, p.Value)))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Label, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        ClassScore best = ranked[0];
        float[] prototype = prototypes[best.Label];
        int segments = query.Segments.Length;
        float[] similarity = query.Segments.Select(z => (float)Dot(Normalised(z), prototype)).ToArray();
        float[] scores = new float[segments];
        bool allBackground = background.All(b => b);
        for (int t = 0; t < segments; t++)
        {
            scores[t] = background[t] && !allBackground ? float.NegativeInfinity : SegmentLocaliser.Score(SegmentScoreKind.WeightedSimilarity, query.Weights[t], similarity[t]);
        }

        var segmentSpans = Enumerable.Range(0, segments).Select(t => new ActionSpan(query.SegmentStarts[t], query.SegmentEnds[t])).ToArray();
        List<ScoredSpan> spans = allBackground ? [] : SegmentLocaliser.Localise(scores, segmentSpans, localisationThreshold);
        bool none = best.Score < threshold;
        var decisions = new SegmentDecision[segments];
        for (int t = 0; t < segments; t++)
        {
            bool inSpan = spans.Any(s => s.Span.Start <= segmentSpans[t].Start + 1e-9 && segmentSpans[t].End <= s.Span.End + 1e-9);
            decisions[t] = background[t] ? SegmentDecision.Nbg : !none && inSpan ? SegmentDecision.Fg : SegmentDecision.Ibg;
        }

        return new QueryRecognition(query.Id, ranked, none ? null : best.Label, best.Score, spans, decisions, similarity);
    }

    /// <summary>The pooled feature over the segments that overlap the spans (self-weighted), or v itself without spans.</summary>
    private static float[] Pooled(VideoEmbedding video, IReadOnlyList<ActionSpan> spans)
    {
        if (spans.Count == 0)
        {
            return video.Pooled;
        }

        var sum = new float[video.Pooled.Length];
        double total = 0;
        for (int t = 0; t < video.Segments.Length; t++)
        {
            var segment = new ActionSpan(video.SegmentStarts[t], video.SegmentEnds[t]);
            if (spans.Any(s => Math.Min(s.End, segment.End) > Math.Max(s.Start, segment.Start)))
            {
                float w = Math.Max(video.Weights[t], 1e-6f);
                TensorPrimitives.MultiplyAdd(video.Segments[t], w, sum, sum);
                total += w;
            }
        }

        return total > 0 ? sum : video.Pooled; // a span outside the video: the whole video
    }

    private static float[] Mean(IReadOnlyList<float[]> rows)
    {
        var sum = new float[rows[0].Length];
        foreach (float[] row in rows)
        {
            TensorPrimitives.Add(sum, row, sum);
        }

        return Normalised(sum);
    }

    private static float[] Normalised(float[] v)
    {
        float norm = TensorPrimitives.Norm(v);
        var result = new float[v.Length];
        TensorPrimitives.Divide(v, Math.Max(norm, 1e-12f), result);
        return result;
    }

    private static double Dot(float[] a, float[] b) => TensorPrimitives.Dot(a, b);
}
