namespace VideoRecognition.FewShot;

/// <summary>
/// Weak localisation of one model over the query instances that have ground truth (a video queried in several
/// episodes counts once per episode): mean best-matching tIoU and class-agnostic mAP at tIoU 0.5 and averaged over
/// tIoU 0.5:0.05:0.95 (ActivityNet's thresholds; each AP as its evaluation defines it, <see cref="AveragePrecision"/>).
/// </summary>
public sealed record LocalisationResult(long Queries, long PredictedSpans, double MeanTemporalIoU, double MeanAveragePrecision, double AverageMeanAveragePrecision = double.NaN)
{
    public const double TIoUThreshold = 0.5;
}
