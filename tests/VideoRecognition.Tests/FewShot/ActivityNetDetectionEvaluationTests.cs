using VideoRecognition.FewShot;

namespace VideoRecognition.Tests.FewShot;

/// <summary>
/// Cases worked by hand from the definition ActivityNet's detection evaluation uses: per class, predictions ranked
/// by score, each matched to the unmatched ground-truth instance of its video with the highest tIoU if that tIoU
/// reaches the threshold, else a false positive; precision made monotone from the right (interpolated) and summed
/// over the recall steps; mAP the mean over the ground truth's classes; average mAP the mean over 0.5:0.05:0.95.
/// </summary>
public sealed class ActivityNetDetectionEvaluationTests
{
    private static (string, DetectedAction) P(string video, string label, double score, double start, double end) =>
        (video, new DetectedAction(label, score, new ActionSpan(start, end)));

    [Fact]
    public void The_thresholds_are_ten_from_0_5_to_0_95()
    {
        Assert.Equal([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95], ActivityNetDetectionEvaluation.Thresholds);
    }

    [Fact]
    public void Two_classes_worked_by_hand()
    {
        GroundTruthInstance[] truth =
        [
            new("v1", "A", new ActionSpan(0, 10)),
            new("v2", "A", new ActionSpan(20, 30)),
            new("v3", "B", new ActionSpan(0, 5)),
        ];
        (string, DetectedAction)[] predictions =
        [
            P("v1", "A", 0.9, 0, 10),   // tIoU 1: true positive at every threshold
            P("v1", "A", 0.8, 0, 10),   // the same instance again: already matched, so a false positive
            P("v2", "A", 0.7, 20, 27.7), // tIoU 0.77: true positive up to 0.75, false positive from 0.8
            P("v3", "A", 0.6, 0, 5),    // no instance of A in v3: false positive
            P("v3", "C", 0.5, 0, 5),    // a label the ground truth lacks: left out
        ];

        DetectionMap map = ActivityNetDetectionEvaluation.Evaluate(truth, predictions);

        // A up to 0.75: TP FP TP FP, precision 1, 1/2, 2/3, 1/2 at recall 1/2, 1/2, 1, 1; the envelope is 1, 2/3, 2/3, 1/2,
        // so AP = 1/2 * 1 + 1/2 * 2/3 = 5/6. From 0.8: TP FP FP FP, AP = 1/2 * 1. B has no prediction: AP 0.
        Assert.Equal(2, map.Classes);
        for (int t = 0; t < 10; t++)
        {
            double expected = (ActivityNetDetectionEvaluation.Thresholds[t] <= 0.75 ? 5.0 / 6.0 : 0.5) / 2;
            Assert.Equal(expected, map.MeanAveragePrecision[t], 12);
        }

        Assert.Equal(5.0 / 12.0, map.At(0.5), 12);
        Assert.Equal(((6 * 5.0 / 12.0) + (4 * 0.25)) / 10, map.Average, 12);
    }

    [Fact]
    public void Precision_is_interpolated_not_averaged_at_the_hits()
    {
        // FP TP TP against 2 instances: precision 0, 1/2, 2/3 at recall 0, 1/2, 1. The envelope is 2/3 at both recall
        // steps, so AP = 2/3; averaging the precision at the hits would give (1/2 + 2/3) / 2 = 7/12.
        GroundTruthInstance[] truth = [new("a", "X", new ActionSpan(0, 10)), new("b", "X", new ActionSpan(0, 10))];
        (string, DetectedAction)[] predictions = [P("c", "X", 0.9, 0, 10), P("a", "X", 0.8, 0, 10), P("b", "X", 0.7, 1, 10)];

        Assert.Equal(2.0 / 3.0, ActivityNetDetectionEvaluation.Evaluate(truth, predictions).At(0.5), 12);
    }

    [Fact]
    public void A_prediction_takes_the_instance_it_overlaps_most_leaving_the_other_for_the_next()
    {
        // p1 overlaps i1 with tIoU 9.5/10.5 = 0.905 and i2 with 8.5/12 = 0.708: it takes i1, so p2 (tIoU 1 with i2) gets i2.
        // Had p1 taken i2, p2 would have only i1 left, at tIoU 8/12 = 0.667, under 0.7.
        GroundTruthInstance[] truth = [new("v", "X", new ActionSpan(0, 10)), new("v", "X", new ActionSpan(2, 12))];
        (string, DetectedAction)[] predictions = [P("v", "X", 0.9, 0.5, 10.5), P("v", "X", 0.8, 2, 12)];

        DetectionMap map = ActivityNetDetectionEvaluation.Evaluate(truth, predictions, [0.7, 0.95]);

        Assert.Equal(1.0, map.MeanAveragePrecision[0], 12);
        // At 0.95 p1 (0.905) is a false positive and p2 a hit: precision 0, 1/2 at recall 0, 1/2, so AP = 1/2 * 1/2.
        Assert.Equal(0.25, map.MeanAveragePrecision[1], 12);
    }
}
