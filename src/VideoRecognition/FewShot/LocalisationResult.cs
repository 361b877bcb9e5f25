namespace VideoRecognition.FewShot;

/// <summary>
/// Weak localisation of one model over the query instances that have ground truth (a video queried in several
/// episodes counts once per episode): mean best-matching tIoU and class-agnostic mAP at tIoU 0.5.
/// </summary>
public sealed record LocalisationResult(long Queries, long PredictedSpans, double MeanTemporalIoU, double MeanAveragePrecision)
{
    public const double TIoUThreshold = 0.5;
}
