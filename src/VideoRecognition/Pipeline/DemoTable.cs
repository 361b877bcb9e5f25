using System.Globalization;
using System.Text;
using VideoRecognition.FewShot;
using VideoRecognition.Runtime;

namespace VideoRecognition.Pipeline;

/// <summary>
/// The demo's result table: one row per model, 1-shot and 5-shot accuracy with 95% intervals, localisation.
/// Written as results.md next to the run so the README quotes a file a command produced. It is one seed, and
/// says so: its intervals measure which episodes were drawn, not what another seed (another dataset, split and
/// initialisation) would give; the study command that measures that is named beside it.
/// </summary>
public static class DemoTable
{
    /// <summary>
    /// The command that repeats the demo over seeds, as the demo prints it: the fresh seeds of the README's
    /// pre-registered test, so what it prints is what the README reports.
    /// </summary>
    public const string StudyCommand = "./vrec study --seeds 90,91,92,93,94";

    public sealed record Row(string Model, IReadOnlyList<AccuracyInterval> Accuracy, LocalisationResult? Localisation);

    public static IReadOnlyList<Row> Rows(IReadOnlyList<FewShotResult> evaluations) =>
        evaluations[0].Models
            .Select((m, i) => new Row(m.Model, evaluations.Select(e => e.Models[i].Accuracy).ToList(), evaluations[0].Models[i].Localisation))
            .ToList();

    public static string Markdown(IReadOnlyList<FewShotResult> evaluations, int seed, MachineDescription machine)
    {
        var text = new StringBuilder();
        var first = evaluations[0];
        text.Append(CultureInfo.InvariantCulture, $"**One seed (seed {seed}).** ");
        text.Append(CultureInfo.InvariantCulture, $"Synthetic novel classes, {first.Way}-way, {first.Query} queries per class, {first.Episodes} episodes per setting (episode seed {first.Seed.Value}, derived from the run seed), ");
        text.Append(CultureInfo.InvariantCulture, $"{first.Classifier} classifier; accuracy in % ± its 95% episode-sampling interval, which measures only which episodes were drawn, not the spread over seeds; localisation from the 1-shot episodes.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"For evidence across seeds (each its own dataset, class split and initialisation): `{StudyCommand}`\n\n");
        text.Append("| model | " + string.Join(" | ", evaluations.Select(e => $"{e.Shot}-shot (± episode-sampling 95%)")) + " | mean tIoU | mAP@0.5 |\n");
        text.Append("| --- | " + string.Join(" | ", evaluations.Select(_ => "---")) + " | --- | --- |\n");
        foreach (Row row in Rows(evaluations))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Model} | ");
            text.Append(string.Join(" | ", row.Accuracy.Select(a => string.Create(CultureInfo.InvariantCulture, $"{100 * a.Mean:0.00} ± {100 * a.HalfWidth:0.00}"))));
            text.Append(row.Localisation is { } l
                ? string.Create(CultureInfo.InvariantCulture, $" | {l.MeanTemporalIoU:0.000} | {l.MeanAveragePrecision:0.000} |\n")
                : " | - | - |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nMachine: {machine}\n");
        return text.ToString();
    }
}
