using VideoRecognition.FewShot;

namespace VideoRecognition.Pipeline;

/// <summary>
/// A study's evidence: every model's metrics summarised over the seeds (mean, sample std), every model
/// compared with the full method seed by seed (<see cref="PairedDifference"/>), and the per-seed results
/// they come from. Written as study.json; study.md shows the same numbers.
/// </summary>
public sealed record StudyResult(
    int FormatVersion,
    IReadOnlyList<int> Seeds,
    string Config,
    IReadOnlyList<string> Overrides,
    string Split,
    int Way,
    int Query,
    int Episodes,
    string Classifier,
    string Reference,
    IReadOnlyList<StudyMetricSummary> AcrossSeeds,
    IReadOnlyList<StudyComparison> Paired,
    IReadOnlyList<StudySeedResult> PerSeed)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>The model every other is compared with: the full method, the demo's first variant.</summary>
    public static string ReferenceModel => DemoPipeline.Full;

    /// <summary>
    /// Summarises finished seeds, all run with the same settings (the pipeline checks that), in the order of
    /// <see cref="StudyPlan.Seeds"/>. A metric a seed did not measure (no ground truth, an older training log)
    /// is left out of that seed's pairs and summaries, so each summary says over how many seeds it is.
    /// </summary>
    public static StudyResult Of(StudyPlan plan, IReadOnlyList<StudySeedResult> seeds)
    {
        if (seeds.Count == 0)
        {
            throw new ArgumentException("A study needs at least one finished seed.", nameof(seeds));
        }

        IReadOnlyList<StudyMetric> metrics = StudyMetric.Of(seeds);
        IReadOnlyList<string> models = seeds[0].Models.Select(m => m.Model).ToList();
        string reference = ReferenceModel;

        var acrossSeeds = new List<StudyMetricSummary>();
        foreach (string model in models)
        {
            foreach (StudyMetric metric in metrics)
            {
                var values = seeds.Select(s => Value(s, model, metric)).OfType<double>().ToList();
                if (values.Count > 0)
                {
                    var summary = FewShot.AcrossSeeds.Of(values);
                    acrossSeeds.Add(new StudyMetricSummary(model, metric.Key, summary.Seeds, summary.Mean, summary.Std));
                }
            }
        }

        var paired = new List<StudyComparison>();
        foreach (string model in models.Where(m => m != reference))
        {
            foreach (StudyMetric metric in metrics)
            {
                var pairs = seeds
                    .Select(s => (s.Seed, Reference: Value(s, reference, metric), Other: Value(s, model, metric)))
                    .Where(p => p.Reference is not null && p.Other is not null)
                    .ToList();
                if (pairs.Count > 0)
                {
                    var difference = PairedDifference.Of(pairs.Select(p => p.Reference!.Value).ToList(), pairs.Select(p => p.Other!.Value).ToList());
                    paired.Add(new StudyComparison(
                        reference, model, metric.Key, pairs.Select(p => p.Seed).ToList(), difference.Differences,
                        difference.Mean, difference.Std, difference.HalfWidth, difference.Low, difference.High, difference.ReferenceHigher, difference.Ties));
                }
            }
        }

        StudySeedResult first = seeds[0];
        return new StudyResult(
            CurrentFormatVersion, plan.Seeds, plan.Config, plan.Overrides, first.Split, first.Way, first.Query, first.Episodes, first.Classifier,
            reference, acrossSeeds, paired, seeds);
    }

    private static double? Value(StudySeedResult seed, string model, StudyMetric metric) =>
        seed.Models.FirstOrDefault(m => m.Model == model) is { } result ? metric.Read(result) : null;
}

/// <summary>One model's metric over the seeds that measured it: mean and sample std (null below 2 seeds).</summary>
public sealed record StudyMetricSummary(string Model, string Metric, int Seeds, double Mean, double? Std);

/// <summary>
/// Reference - model on one metric, seed by seed: the differences (in the order of <see cref="Seeds"/>),
/// their mean and sample std, the 95% Student-t interval of the mean, in how many seeds the reference was
/// strictly higher, and in how many the two were equal.
/// </summary>
public sealed record StudyComparison(
    string Reference,
    string Model,
    string Metric,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<double> Differences,
    double Mean,
    double? Std,
    double? Ci95HalfWidth,
    double? Ci95Low,
    double? Ci95High,
    int ReferenceHigher,
    int Ties);
