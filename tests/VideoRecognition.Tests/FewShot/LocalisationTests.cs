using VideoRecognition.FewShot;

namespace VideoRecognition.Tests.FewShot;

public sealed class LocalisationTests
{
    [Theory]
    [InlineData(0.0, 10.0, 0.0, 10.0, 1.0)]
    [InlineData(0.0, 10.0, 5.0, 15.0, 5.0 / 15.0)] // overlap 5, union 15
    [InlineData(2.0, 4.0, 0.0, 10.0, 2.0 / 10.0)] // inside: overlap 2, union 10
    [InlineData(0.0, 1.0, 1.0, 2.0, 0.0)] // touching only
    [InlineData(0.0, 1.0, 3.0, 4.0, 0.0)]
    public void Temporal_iou_of_hand_made_spans(double s1, double e1, double s2, double e2, double expected)
    {
        Assert.Equal(expected, TemporalIoU.Of(new ActionSpan(s1, e1), new ActionSpan(s2, e2)), 12);
        Assert.Equal(expected, TemporalIoU.Of(new ActionSpan(s2, e2), new ActionSpan(s1, e1)), 12);
    }

    [Fact]
    public void Best_matching_tiou_averages_each_ground_truth_spans_best_prediction()
    {
        ActionSpan[] predicted = [new(0, 10), new(20, 25)];
        ActionSpan[] truth = [new(0, 5), new(20, 30)];

        // [0,5) best with [0,10): 5/10; [20,30) best with [20,25): 5/10.
        Assert.Equal(0.5, TemporalIoU.BestMatching(predicted, truth), 12);
        Assert.Equal(0.0, TemporalIoU.BestMatching([], truth));
        Assert.True(double.IsNaN(TemporalIoU.BestMatching(predicted, [])));
    }

    [Fact]
    public void Average_precision_of_a_hand_made_ranking_follows_activitynet()
    {
        IReadOnlyList<ActionSpan>[] truth = [[new(0, 10)], [new(0, 10), new(20, 30)]];
        (int, ScoredSpan)[] predictions =
        [
            (1, new ScoredSpan(new ActionSpan(50, 60), 0.8)), // rank 2: no overlap -> FP
            (0, new ScoredSpan(new ActionSpan(1, 10), 0.6)), // rank 4: tIoU 0.9 but video 0's span is taken -> FP
            (0, new ScoredSpan(new ActionSpan(0, 10), 0.9)), // rank 1: TP
            (1, new ScoredSpan(new ActionSpan(20, 29), 0.7)), // rank 3: tIoU 0.9 with [20,30) -> TP
        ];

        double ap = AveragePrecision.Detection(predictions, truth, 0.5);

        // 3 ground-truth spans. Ranked: TP, FP, TP, FP -> precision 1, 1/2, 2/3, 1/2; recall 1/3, 1/3, 2/3, 2/3.
        // Envelope from the right: 1, 2/3, 2/3, 1/2. Recall steps: 0 -> 1/3 at precision 1, 1/3 -> 2/3 at 2/3,
        // 2/3 -> 1 (never reached) at 0. AP = 1/3 * 1 + 1/3 * 2/3 = 5/9.
        Assert.Equal(5.0 / 9.0, ap, 12);
    }

    [Fact]
    public void A_prediction_matches_the_best_unmatched_span_and_under_threshold_is_a_false_positive()
    {
        IReadOnlyList<ActionSpan>[] truth = [[new(0, 10), new(8, 20)]];
        (int, ScoredSpan)[] predictions =
        [
            (0, new ScoredSpan(new ActionSpan(0, 10), 0.9)), // TP with [0,10) (tIoU 1)
            (0, new ScoredSpan(new ActionSpan(0, 9), 0.8)), // best [0,10) taken; next [8,20) tIoU 1/20 < 0.5 -> FP
            (0, new ScoredSpan(new ActionSpan(9, 20), 0.7)), // TP with [8,20) (tIoU 11/12)
        ];

        // TP, FP, TP: precision 1, 1/2, 2/3; recall 1/2, 1/2, 1 -> AP = 1/2 * 1 + 1/2 * 2/3 = 5/6.
        Assert.Equal(5.0 / 6.0, AveragePrecision.Detection(predictions, truth, 0.5), 12);
        Assert.Equal(1.0, AveragePrecision.Detection(predictions[..1], [[new(0, 10)]], 0.5), 12);
    }

    [Fact]
    public void Segments_at_half_the_maximum_become_merged_spans_scored_by_their_mean()
    {
        ActionSpan[] segments = Enumerable.Range(0, 6).Select(t => new ActionSpan(t, t + 1)).ToArray();
        float[] scores = [0.1f, 0.9f, 0.6f, 0.2f, 0.5f, 0.45f];

        List<ScoredSpan> spans = SegmentLocaliser.Localise(scores, segments, 0.5); // cut 0.45

        Assert.Equal(2, spans.Count);
        Assert.Equal(new ActionSpan(1, 3), spans[0].Span);
        Assert.Equal(0.75, spans[0].Score, 6);
        Assert.Equal(new ActionSpan(4, 6), spans[1].Span);
        Assert.Equal(0.475, spans[1].Score, 6);
    }

    [Fact]
    public void Runs_that_meet_in_time_merge_and_all_negative_scores_keep_the_best_segments()
    {
        ActionSpan[] overlapping = [new(0, 2), new(1, 3), new(2, 4)];
        List<ScoredSpan> merged = SegmentLocaliser.Localise([1f, 0f, 1f], overlapping, 0.5);
        Assert.Equal([new ScoredSpan(new ActionSpan(0, 4), 1.0)], merged);

        ActionSpan[] segments = [new(0, 1), new(1, 2), new(2, 3)];
        List<ScoredSpan> best = SegmentLocaliser.Localise([-0.5f, -0.2f, -0.2f], segments, 0.5);
        Assert.Equal([new ScoredSpan(new ActionSpan(1, 3), -0.2f)], best);
    }

    [Fact]
    public void Proposals_rank_the_span_that_stands_out_from_its_surroundings_above_a_peak_inside_it()
    {
        ActionSpan[] segments = Enumerable.Range(0, 5).Select(t => new ActionSpan(t, t + 1)).ToArray();
        float[] scores = [0f, 0.6f, 1f, 0.6f, 0f];

        List<ScoredSpan> proposals = SegmentLocaliser.Proposals(scores, segments);

        // Cuts 0.1-0.6 give segments 1-3: mean 0.733, outer neighbours 0 and 4 at 0 -> contrast 0.733.
        // Cuts 0.7-0.9 give segment 2: mean 1, neighbours 1 and 3 at 0.6 -> contrast 0.4 (kept: tIoU 1/3).
        Assert.Equal([new ScoredSpan(new ActionSpan(1, 4), 2.2 / 3.0), new ScoredSpan(new ActionSpan(2, 3), 0.4)], proposals, new ScoredSpanComparer());
        Assert.Equal(new ActionSpan(2, 3), Assert.Single(SegmentLocaliser.Localise(scores, segments, 0.7)).Span);
    }

    [Fact]
    public void Proposals_keep_no_two_spans_that_overlap_by_half_or_more()
    {
        ActionSpan[] segments = Enumerable.Range(0, 12).Select(t => new ActionSpan(t, t + 1)).ToArray();
        float[] scores = [0.05f, 0.3f, 0.55f, 0.8f, 1f, 0.85f, 0.5f, 0.2f, 0.65f, 0.7f, 0.15f, 0f];

        List<ScoredSpan> proposals = SegmentLocaliser.Proposals(scores, segments);

        Assert.True(proposals.Count >= 2, "both bumps are proposed");
        Assert.Contains(proposals, p => p.Span.Start >= 8 && p.Span.End <= 10);
        for (int i = 0; i < proposals.Count; i++)
        {
            for (int j = i + 1; j < proposals.Count; j++)
            {
                Assert.True(proposals[i].Score >= proposals[j].Score, "best first");
                Assert.True(TemporalIoU.Of(proposals[i].Span, proposals[j].Span) < SegmentLocaliser.SuppressionTIoU, $"{proposals[i]} and {proposals[j]} overlap");
            }
        }
    }

    [Fact]
    public void Proposals_leave_out_segments_scored_minus_infinity()
    {
        ActionSpan[] segments = Enumerable.Range(0, 4).Select(t => new ActionSpan(t, t + 1)).ToArray();
        float[] scores = [float.NegativeInfinity, 1f, 0.9f, float.NegativeInfinity];

        ScoredSpan only = Assert.Single(SegmentLocaliser.Proposals(scores, segments));
        Assert.Equal(new ActionSpan(1, 3), only.Span);
        Assert.Equal(0.95, only.Score, 6); // no finite neighbour: the outer mean counts as 0
        Assert.Empty(SegmentLocaliser.Proposals([float.NegativeInfinity], segments[..1]));
    }

    private sealed class ScoredSpanComparer : IEqualityComparer<ScoredSpan>
    {
        public bool Equals(ScoredSpan x, ScoredSpan y) => x.Span == y.Span && Math.Abs(x.Score - y.Score) < 1e-6;

        public int GetHashCode(ScoredSpan obj) => obj.Span.GetHashCode();
    }
}
