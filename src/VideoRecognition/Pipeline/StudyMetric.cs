using System.Globalization;

namespace VideoRecognition.Pipeline;

/// <summary>
/// One number a study compares across seeds and models: its key (in study.json), its label (in study.md),
/// the shot when it is a few-shot accuracy (shown in %; the rest as fractions), and how it is read from a
/// model's result in one seed (null where that seed did not measure it). Shown metrics appear in study.md's
/// tables; the others (training diagnostics) only in study.json.
/// </summary>
public sealed record StudyMetric(string Key, string Label, int? Shot, bool Shown, Func<StudyModelResult, double?> Read)
{
    public bool Percent => Shot is not null;

    /// <summary>Numbers of the last training epoch (train.jsonl) a study collects when a log has them.</summary>
    public static readonly IReadOnlyList<string> TrainingFields =
        ["nbg_auroc_background", "nbg_auroc_detector", "fg_mean_weight", "nbg_mean_weight", "nbg_precision"];

    // The open-set scores' quality is what the tables show; the rest are diagnostics for study.json.
    private static readonly IReadOnlyDictionary<string, string> ShownTrainingFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nbg_auroc_background"] = "NBG AUROC (background)",
        ["nbg_auroc_detector"] = "NBG AUROC (detector)",
    };

    /// <summary>
    /// Accuracy per shot of the seeds, localisation, then every training field that at least one model of one
    /// seed logged (so a study of logs without the AUROC fields has no empty AUROC columns).
    /// </summary>
    public static IReadOnlyList<StudyMetric> Of(IReadOnlyList<StudySeedResult> seeds)
    {
        var metrics = new List<StudyMetric>();
        foreach (int shot in seeds.SelectMany(s => s.Models).SelectMany(m => m.Accuracy).Select(a => a.Shot).Distinct().Order())
        {
            metrics.Add(new StudyMetric(
                string.Create(CultureInfo.InvariantCulture, $"accuracy_{shot}shot"),
                string.Create(CultureInfo.InvariantCulture, $"{shot}-shot accuracy (%)"),
                shot,
                Shown: true,
                m => m.Accuracy.FirstOrDefault(a => a.Shot == shot)?.Mean));
        }

        metrics.Add(new StudyMetric("mean_tiou", "mean tIoU", Shot: null, Shown: true, m => m.MeanTemporalIoU));
        metrics.Add(new StudyMetric("map_at_0_5", "mAP@0.5", Shot: null, Shown: true, m => m.MeanAveragePrecision));
        foreach (string field in TrainingFields.Where(f => seeds.Any(s => s.Models.Any(m => m.Training.ContainsKey(f)))))
        {
            bool shown = ShownTrainingFields.TryGetValue(field, out string? label);
            metrics.Add(new StudyMetric(field, label ?? field, Shot: null, shown, m => m.Training.TryGetValue(field, out double v) ? v : null));
        }

        return metrics;
    }

    /// <summary>A value as the tables show it: 87.50 for an accuracy of 0.875, 0.462 for a tIoU.</summary>
    public string Format(double value) =>
        Percent
            ? (100 * value).ToString("0.00", CultureInfo.InvariantCulture)
            : value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A difference, always signed: +3.20 (percentage points for accuracies), -0.012.</summary>
    public string FormatDifference(double value) =>
        Percent
            ? (100 * value).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)
            : value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
}
