using System.Globalization;
using System.Text;

namespace VideoRecognition.Pipeline;

/// <summary>
/// A study's tables, as cells (the command line draws them) and as study.md: across seeds (mean ± sample
/// std per model), paired differences against the full method (mean with its 95% interval over seeds,
/// in how many seeds full was higher), and per seed (with that seed's episode-sampling intervals).
/// </summary>
public static class StudyTable
{
    /// <summary>A table's header and rows of plain-text cells.</summary>
    public sealed record Grid(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

    public static Grid AcrossSeeds(StudyResult result)
    {
        var metrics = Shown(result);
        var rows = new List<IReadOnlyList<string>>();
        foreach (string model in Models(result))
        {
            var cells = new List<string> { model };
            foreach (StudyMetric metric in metrics)
            {
                StudyMetricSummary? summary = result.AcrossSeeds.FirstOrDefault(s => s.Model == model && s.Metric == metric.Key);
                cells.Add(summary is null
                    ? "-"
                    : metric.Format(summary.Mean)
                        + (summary.Std is { } std ? " ± " + metric.Format(std) : string.Empty)
                        + (summary.Seeds < result.Seeds.Count ? string.Create(CultureInfo.InvariantCulture, $" (n={summary.Seeds})") : string.Empty));
            }

            rows.Add(cells);
        }

        return new Grid(["model", .. metrics.Select(m => m.Label)], rows);
    }

    public static Grid Paired(StudyResult result)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (string model in Models(result).Where(m => m != result.Reference))
        {
            foreach (StudyMetric metric in Shown(result))
            {
                if (result.Paired.FirstOrDefault(c => c.Model == model && c.Metric == metric.Key) is not { } c)
                {
                    continue;
                }

                rows.Add([
                    $"{c.Reference} - {c.Model}",
                    metric.Percent ? metric.Label.Replace("(%)", "(pp)", StringComparison.Ordinal) : metric.Label,
                    metric.FormatDifference(c.Mean),
                    c.Ci95Low is { } low && c.Ci95High is { } high ? $"[{metric.FormatDifference(low)}, {metric.FormatDifference(high)}]" : "-",
                    string.Create(CultureInfo.InvariantCulture, $"{c.ReferenceHigher} of {c.Seeds.Count}") + (c.Ties > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({c.Ties} tied)") : string.Empty),
                    string.Join(", ", c.Differences.Select(metric.FormatDifference)),
                ]);
            }
        }

        return new Grid(["comparison", "metric", "mean difference", "95% interval over seeds", $"{result.Reference} higher", "per seed"], rows);
    }

    public static Grid PerSeed(StudyResult result)
    {
        var metrics = Shown(result);
        var rows = new List<IReadOnlyList<string>>();
        foreach (StudySeedResult seed in result.PerSeed)
        {
            foreach (StudyModelResult model in seed.Models)
            {
                var cells = new List<string> { seed.Seed.ToString(CultureInfo.InvariantCulture), model.Model };
                foreach (StudyMetric metric in metrics)
                {
                    ShotAccuracy? accuracy = model.Accuracy.FirstOrDefault(a => a.Shot == metric.Shot);
                    cells.Add(accuracy is not null
                        ? $"{metric.Format(accuracy.Mean)} ± {metric.Format(accuracy.EpisodeSamplingHalfWidth)}"
                        : metric.Read(model) is { } value ? metric.Format(value) : "-");
                }

                rows.Add(cells);
            }
        }

        var header = new List<string> { "seed", "model" };
        header.AddRange(metrics.Select(m => m.Percent ? m.Label.Replace("(%)", "(% ± episode-sampling 95% interval)", StringComparison.Ordinal) : m.Label));
        return new Grid(header, rows);
    }

    /// <summary>Each model's accuracy from every initialisation of each seed (a study run with --inits above 1).</summary>
    public static Grid PerInit(StudyResult result)
    {
        var accuracies = Shown(result).Where(m => m.Shot is not null).ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (StudySeedResult seed in result.PerSeed)
        {
            foreach (StudyModelResult model in seed.Models)
            {
                var cells = new List<string> { seed.Seed.ToString(CultureInfo.InvariantCulture), model.Model };
                cells.AddRange(accuracies.Select(metric => model.Accuracy.FirstOrDefault(a => a.Shot == metric.Shot) is { PerInit: { } perInit }
                    ? string.Join(" / ", perInit.Select(metric.Format))
                    : "-"));
                rows.Add(cells);
            }
        }

        return new Grid(["seed", "model", .. accuracies.Select(m => m.Label + " per initialisation")], rows);
    }

    public static string Markdown(StudyResult result)
    {
        var text = new StringBuilder();
        int n = result.Seeds.Count;
        int inits = result.PerSeed[0].Inits;
        int localisationShot = result.PerSeed[0].Models[0].Accuracy.Min(a => a.Shot);
        text.Append("# Study across seeds\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{n} seeds ({string.Join(", ", result.Seeds)}), each a whole run in its own folder seed-<s>/ with its own dataset, class split, initialisation and episodes. ");
        if (inits > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"Every model was trained from {inits} initialisations of each seed (successive train.init values: other initial weights, video orders and dropout on the same data) and evaluated on the seed's episodes; a seed's numbers are the mean over them (each one's accuracy is under \"Initialisations\"). ");
        }

        text.Append(CultureInfo.InvariantCulture, $"{result.Way}-way, {result.Query} queries per class, {result.Episodes} episodes per setting on the {result.Split} classes, {result.Classifier} classifier; localisation from the {localisationShot}-shot episodes. ");
        text.Append(CultureInfo.InvariantCulture, $"Config: {result.Config}; overrides: {(result.Overrides.Count == 0 ? "none" : string.Join(", ", result.Overrides.Select(o => $"`{o}`")))}.\n\n");

        text.Append("## Across seeds\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Mean ± sample standard deviation over the {n} seeds (n - 1 in the denominator; (n=k) where only k seeds measured it). Accuracy in %.\n\n");
        Append(text, AcrossSeeds(result));

        text.Append(CultureInfo.InvariantCulture, $"\n## Paired differences against {result.Reference}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{result.Reference} - model, seed by seed (both evaluated on that seed's data and episodes), then the mean difference with its 95% interval over seeds, t(0.975, n-1) · sd / sqrt(n). ");
        text.Append("Accuracy differences in percentage points (pp). An interval that excludes 0 says the difference holds across seeds, not only across episodes.\n\n");
        Append(text, Paired(result));

        text.Append("\n## Per seed\n\n");
        text.Append("Accuracy in % ± that seed's 95% episode-sampling interval (Student t below 100 episodes, 1.96 · std / sqrt(E) from there on): ");
        text.Append("it measures only which episodes were drawn, not what another seed would give. Each seed's folder holds its results.md and eval/ files.\n\n");
        Append(text, PerSeed(result));
        if (inits > 1)
        {
            text.Append("\n## Initialisations\n\n");
            text.Append("Each model's accuracy from each initialisation of the seed, on the same episodes, in train.init order: the spread within a row is what the draw of the initial weights alone changes.\n\n");
            Append(text, PerInit(result));
        }

        return text.ToString();
    }

    internal static void Append(StringBuilder text, Grid grid)
    {
        text.Append("| " + string.Join(" | ", grid.Header) + " |\n");
        text.Append("|" + string.Concat(grid.Header.Select(_ => " --- |")) + "\n");
        foreach (var row in grid.Rows)
        {
            text.Append("| " + string.Join(" | ", row) + " |\n");
        }
    }

    private static IReadOnlyList<StudyMetric> Shown(StudyResult result) => StudyMetric.Of(result.PerSeed).Where(m => m.Shown).ToList();

    private static IReadOnlyList<string> Models(StudyResult result) => result.PerSeed[0].Models.Select(m => m.Model).ToList();
}
