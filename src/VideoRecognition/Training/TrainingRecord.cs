namespace VideoRecognition.Training;

/// <summary>
/// One line of train.jsonl: a logged step (kind "step") or an epoch summary (kind "epoch"). Loss parts and
/// pseudo-label statistics are null where they do not apply (warm-up, baseline, no ground truth). The open-set
/// measures (AUROC of p(background) and of the detector's score for NBG vs the rest, mean self-weight per true
/// kind) are on epoch lines only, over the base videos' test view.
/// </summary>
public sealed record TrainingRecord(
    string Kind,
    int Epoch,
    long Step,
    double LearningRate,
    double Loss,
    double? SoftClassificationLoss,
    double? BackgroundLoss,
    double? ContrastiveLoss,
    double? TrainAccuracy,
    double? ValidationAccuracy,
    double? ShareNbg,
    double? ShareFg,
    double? ShareIbg,
    double? NbgPrecision,
    double? NbgRecall,
    double? FgPrecision,
    double? FgRecall,
    double? IbgPrecision,
    double? IbgRecall,
    double? VideosPerSecond,
    double? SegmentsPerSecond,
    double? ResidentMemoryMiB = null,
    double? NbgAurocBackground = null,
    double? NbgAurocDetector = null,
    double? FgMeanWeight = null,
    double? IbgMeanWeight = null,
    double? NbgMeanWeight = null)
{
    /// <summary>Epoch lines of a run with corrections: segment-steps trained with a person's mark in place of the pseudo-label.</summary>
    public int? CorrectedSegments { get; init; }

    /// <summary>Of those, how many marks differed from the model's own pseudo-label (labels the corrections changed).</summary>
    public int? CorrectionsChanged { get; init; }

    public IEnumerable<(string Name, double Value)> Scalars()
    {
        var all = new (string, double?)[]
        {
            ("lr", LearningRate), ("loss", Loss), ("loss_soft_cls", SoftClassificationLoss), ("loss_bg_cls", BackgroundLoss),
            ("loss_contrast", ContrastiveLoss), ("train_accuracy", TrainAccuracy), ("val_accuracy", ValidationAccuracy),
            ("pseudo/share_nbg", ShareNbg), ("pseudo/share_fg", ShareFg), ("pseudo/share_ibg", ShareIbg),
            ("pseudo/nbg_precision", NbgPrecision), ("pseudo/nbg_recall", NbgRecall),
            ("pseudo/fg_precision", FgPrecision), ("pseudo/fg_recall", FgRecall),
            ("pseudo/ibg_precision", IbgPrecision), ("pseudo/ibg_recall", IbgRecall),
            ("videos_per_s", VideosPerSecond), ("segments_per_s", SegmentsPerSecond), ("resident_memory_mib", ResidentMemoryMiB),
            ("open_set/nbg_auroc_background", NbgAurocBackground), ("open_set/nbg_auroc_detector", NbgAurocDetector),
            ("weight/fg", FgMeanWeight), ("weight/ibg", IbgMeanWeight), ("weight/nbg", NbgMeanWeight),
            ("corrections/segments", CorrectedSegments), ("corrections/changed", CorrectionsChanged),
        };
        return all.Where(p => p.Item2 is not null && double.IsFinite(p.Item2.Value)).Select(p => (p.Item1, p.Item2!.Value));
    }
}
