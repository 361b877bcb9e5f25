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
}
