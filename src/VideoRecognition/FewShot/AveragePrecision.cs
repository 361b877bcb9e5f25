namespace VideoRecognition.FewShot;

/// <summary>
/// Detection average precision at one tIoU threshold, computed as ActivityNet's evaluator does
/// (compute_average_precision_detection and interpolated_prec_rec): predictions ranked by score (ties keep their
/// input order); a prediction is a true positive when its best still-unmatched ground-truth span of the same video
/// has tIoU >= threshold (ground-truth spans are tried in decreasing tIoU; a span matched earlier is skipped, and
/// the search stops at the first span under the threshold); precision is made monotone from the right and summed
/// over the recall steps. Here there is one class, "the query's own action", and a "video" is one query instance
/// of one episode, so a video queried in many episodes contributes its ground truth once per episode.
/// </summary>
public static class AveragePrecision
{
    /// <summary>
    /// AP in [0, 1] of predictions (video instance, span with score) against the ground-truth spans per video
    /// instance; NaN when there is no ground-truth span at all.
    /// </summary>
    public static double Detection(IReadOnlyList<(int Video, ScoredSpan Prediction)> predictions, IReadOnlyList<IReadOnlyList<ActionSpan>> truth, double threshold)
    {
        long positives = truth.Sum(t => (long)t.Count);
        if (positives == 0)
        {
            return double.NaN;
        }

        int[] order = Enumerable.Range(0, predictions.Count).ToArray();
        double[] keys = predictions.Select(p => -p.Prediction.Score).ToArray();
        Array.Sort(keys, order); // Array.Sort is unstable: restore input order among equal scores below
        StableTies(keys, order);

        var matched = truth.Select(t => new bool[t.Count]).ToArray();
        var precision = new double[order.Length];
        var recall = new double[order.Length];
        long truePositives = 0;
        for (int rank = 0; rank < order.Length; rank++)
        {
            (int video, ScoredSpan prediction) = predictions[order[rank]];
            if (Match(prediction.Span, truth[video], matched[video], threshold))
            {
                truePositives++;
            }

            precision[rank] = (double)truePositives / (rank + 1);
            recall[rank] = (double)truePositives / positives;
        }

        return Interpolated(precision, recall);
    }

    /// <summary>Area under the precision envelope: ActivityNet's interpolated_prec_rec.</summary>
    public static double Interpolated(IReadOnlyList<double> precision, IReadOnlyList<double> recall)
    {
        int n = precision.Count;
        var p = new double[n + 2];
        var r = new double[n + 2];
        for (int i = 0; i < n; i++)
        {
            p[i + 1] = precision[i];
            r[i + 1] = recall[i];
        }

        r[n + 1] = 1.0;
        for (int i = n; i >= 0; i--)
        {
            p[i] = Math.Max(p[i], p[i + 1]);
        }

        double ap = 0.0;
        for (int i = 1; i < n + 2; i++)
        {
            if (r[i] != r[i - 1])
            {
                ap += (r[i] - r[i - 1]) * p[i];
            }
        }

        return ap;
    }

    private static bool Match(ActionSpan prediction, IReadOnlyList<ActionSpan> truth, bool[] matched, double threshold)
    {
        var candidates = new (double IoU, int Index)[truth.Count];
        for (int j = 0; j < truth.Count; j++)
        {
            candidates[j] = (TemporalIoU.Of(prediction, truth[j]), j);
        }

        // Decreasing tIoU; among equal tIoU the earlier span first.
        Array.Sort(candidates, (a, b) => a.IoU != b.IoU ? b.IoU.CompareTo(a.IoU) : a.Index.CompareTo(b.Index));
        foreach ((double iou, int j) in candidates)
        {
            if (iou < threshold)
            {
                return false;
            }

            if (!matched[j])
            {
                matched[j] = true;
                return true;
            }
        }

        return false;
    }

    private static void StableTies(double[] keys, int[] order)
    {
        int start = 0;
        for (int i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                Array.Sort(order, start, i - start);
                start = i;
            }
        }
    }
}
