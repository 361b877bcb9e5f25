namespace VideoRecognition.FewShot;

/// <summary>Temporal intersection over union of time spans (ActivityNet's segment_iou).</summary>
public static class TemporalIoU
{
    public static double Of(ActionSpan a, ActionSpan b)
    {
        double intersection = Math.Max(0.0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
        double union = a.Length + b.Length - intersection;
        return union > 0.0 ? intersection / union : 0.0;
    }

    /// <summary>
    /// How well predicted spans cover a video's ground truth: for each ground-truth span the best tIoU with any
    /// predicted span, averaged over the ground-truth spans (with one action span: the best-matching tIoU).
    /// 0 when nothing was predicted; NaN when there is no ground truth to match.
    /// </summary>
    public static double BestMatching(IReadOnlyList<ActionSpan> predicted, IReadOnlyList<ActionSpan> truth)
    {
        if (truth.Count == 0)
        {
            return double.NaN;
        }

        double sum = 0.0;
        foreach (ActionSpan t in truth)
        {
            double best = 0.0;
            foreach (ActionSpan p in predicted)
            {
                best = Math.Max(best, Of(p, t));
            }

            sum += best;
        }

        return sum / truth.Count;
    }
}
