using System.Numerics.Tensors;

namespace VideoRecognition.FewShot;

/// <summary>
/// Everything computed for one model on the episodes, indexed by episode and query so that parallel workers
/// write disjoint cells and the summary is combined afterwards in episode order (same numbers on any thread count).
/// </summary>
internal sealed class EpisodeRun
{
    public EpisodeRun(EpisodeIndex index, bool localise)
    {
        int queries = index.Count * index.Way * index.QueryPerClass;
        Predicted = new int[queries];
        TemporalIoU = localise ? new double[queries] : [];
        Spans = localise ? new List<ScoredSpan>?[queries] : [];
    }

    /// <summary>Predicted episode class of query instance e*N*Q + i.</summary>
    public int[] Predicted { get; }

    /// <summary>Best-matching tIoU of the spans at localisation_threshold per query instance; NaN without ground truth.</summary>
    public double[] TemporalIoU { get; }

    /// <summary>Predicted spans (the ranked proposals, with multi-threshold proposals) per query instance (every query, when localising).</summary>
    public List<ScoredSpan>?[] Spans { get; }

    public static void RunEpisode(
        int e,
        EpisodeIndex index,
        EmbeddingTable table,
        IEpisodeClassifier classifier,
        EvaluationConfig config,
        IReadOnlyList<ActionSpan>?[] truthPerRow,
        EpisodeWorkspace workspace,
        EpisodeRun run)
    {
        ReadOnlySpan<int> support = index.SupportOf(e);
        ReadOnlySpan<int> query = index.QueryOf(e);
        Prototypes.Compute(table, support, index.Way, index.Shot, workspace.Prototypes);
        Span<int> predicted = run.Predicted.AsSpan(e * query.Length, query.Length);
        classifier.Predict(table, support, query, index.Way, index.Shot, workspace, predicted);
        if (run.Spans.Length == 0)
        {
            return;
        }

        for (int q = 0; q < query.Length; q++)
        {
            // Every query is localised (the detection results name each one); only those with ground truth are scored.
            int instance = e * query.Length + q;
            (List<ScoredSpan> spans, List<ScoredSpan> detections) = Localise(table, query[q], predicted[q], config, workspace);
            run.Spans[instance] = detections;
            IReadOnlyList<ActionSpan>? truth = truthPerRow[query[q]];
            run.TemporalIoU[instance] = truth is null ? double.NaN : FewShot.TemporalIoU.BestMatching(spans.Select(s => s.Span).ToArray(), truth);
        }
    }

    // s_t = combination of w_t and cos(z_t, prototype of the predicted class), thresholded into spans. The mean tIoU
    // always reads the one-threshold spans: the best match among many overlapping proposals would flatter it.
    private static (List<ScoredSpan> Spans, List<ScoredSpan> Detections) Localise(EmbeddingTable table, int row, int predictedClass, EvaluationConfig config, EpisodeWorkspace workspace)
    {
        int d = table.Dimension;
        int first = table.SegmentOffset[row];
        int count = table.SegmentOffset[row + 1] - first;
        if (workspace.SegmentScores.Length < count)
        {
            workspace.SegmentScores = new float[count];
        }

        Span<float> scores = workspace.SegmentScores.AsSpan(0, count);
        ReadOnlySpan<float> prototype = workspace.Prototypes.AsSpan(predictedClass * d, d);
        for (int t = 0; t < count; t++)
        {
            float similarity = TensorPrimitives.Dot(table.SegmentFeatures.AsSpan((first + t) * d, d), prototype);
            scores[t] = SegmentLocaliser.Score(config.LocalisationScore, table.SegmentWeights[first + t], similarity);
        }

        ReadOnlySpan<ActionSpan> segments = table.SegmentSpans.AsSpan(first, count);
        List<ScoredSpan> spans = SegmentLocaliser.Localise(scores, segments, config.LocalisationThreshold);
        return (spans, config.LocalisationProposals == LocalisationProposals.MultiThreshold ? SegmentLocaliser.Proposals(scores, segments) : spans);
    }
}
