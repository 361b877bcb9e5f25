namespace VideoRecognition.FewShot;

/// <summary>A ground-truth action instance as ActivityNet's detection evaluation reads it: video, label, segment in seconds.</summary>
public sealed record GroundTruthInstance(string Video, string Label, ActionSpan Segment);

/// <summary>
/// Mean average precision per tIoU threshold (the mean over classes of <see cref="AveragePrecision.Detection"/>) and
/// its mean over the thresholds: ActivityNet's "average mAP".
/// </summary>
public sealed record DetectionMap(IReadOnlyList<double> Thresholds, IReadOnlyList<double> MeanAveragePrecision, int Classes)
{
    public double Average => MeanAveragePrecision.Average();

    public double At(double threshold) => MeanAveragePrecision[Thresholds.ToList().FindIndex(t => Math.Abs(t - threshold) < 1e-9)];
}

/// <summary>
/// Scores detection results the way the official ActivityNet detection evaluation (ANETdetection) defines it: the
/// classes are the labels of the ground truth; for each class and tIoU threshold, that class's predictions are
/// ranked by score and matched greedily to its ground-truth instances (<see cref="AveragePrecision.Detection"/>), a
/// prediction in a video without an instance of its class being a false positive; a class without predictions has
/// AP 0; mAP is the mean over classes, and the reported average mAP the mean over tIoU 0.5:0.05:0.95. One
/// difference: a prediction whose label no ground-truth instance has is left out, where the official script stops
/// with an error.
/// </summary>
public static class ActivityNetDetectionEvaluation
{
    /// <summary>0.50, 0.55, ..., 0.95, as np.linspace(0.5, 0.95, 10) intends (written as exact decimals here).</summary>
    public static readonly IReadOnlyList<double> Thresholds = Enumerable.Range(0, 10).Select(i => Math.Round(0.5 + (0.05 * i), 2)).ToArray();

    public static DetectionMap Evaluate(IReadOnlyList<GroundTruthInstance> truth, IReadOnlyList<(string Video, DetectedAction Detection)> predictions, IReadOnlyList<double>? thresholds = null)
    {
        thresholds ??= Thresholds;
        string[] classes = truth.Select(t => t.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var maps = new double[thresholds.Count];
        foreach (string label in classes)
        {
            // Videos of this class's instances and predictions, numbered; a video may have predictions and no instance.
            var videos = new Dictionary<string, int>(StringComparer.Ordinal);
            var spans = new List<List<ActionSpan>>();
            int VideoOf(string id)
            {
                if (!videos.TryGetValue(id, out int v))
                {
                    v = videos[id] = spans.Count;
                    spans.Add([]);
                }

                return v;
            }

            foreach (GroundTruthInstance instance in truth.Where(t => t.Label == label))
            {
                spans[VideoOf(instance.Video)].Add(instance.Segment);
            }

            var ranked = predictions.Where(p => p.Detection.Label == label)
                .Select(p => (VideoOf(p.Video), new ScoredSpan(p.Detection.Segment, p.Detection.Score)))
                .ToList();
            for (int t = 0; t < thresholds.Count; t++)
            {
                maps[t] += ranked.Count == 0 ? 0.0 : AveragePrecision.Detection(ranked, spans, thresholds[t]);
            }
        }

        return new DetectionMap(thresholds, maps.Select(m => classes.Length == 0 ? double.NaN : m / classes.Length).ToArray(), classes.Length);
    }
}
