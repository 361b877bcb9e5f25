using System.Globalization;
using System.Text;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>
/// Writes a few-shot result as CSV tables (atomically, invariant culture, "\n" line ends): a summary with one
/// row per model, and per-class accuracy with one row per model and class. Undefined numbers are empty cells.
/// </summary>
public static class FewShotResultCsv
{
    public static void WriteSummary(FewShotResult result, string path)
    {
        var text = new StringBuilder();
        text.Append("model,split,way,shot,query,episodes,seed,classifier,mean_accuracy,std,ci95_half_width,ci95_method,ci95_normal_half_width,ci95_student_t_half_width,localised_queries,mean_tiou,map_at_0_5\n");
        foreach (ModelResult model in result.Models)
        {
            AccuracyInterval a = model.Accuracy;
            LocalisationResult? l = model.Localisation;
            Row(
                text,
                Cell(model.Model),
                ClassSplit.PartName(result.Split),
                Number(result.Way),
                Number(result.Shot),
                Number(result.Query),
                Number(result.Episodes),
                result.Seed.Value.ToString(CultureInfo.InvariantCulture),
                ConfigKeys.FromProperty(result.Classifier.ToString()),
                Number(a.Mean),
                Number(a.Std),
                Number(a.HalfWidth),
                ConfigKeys.FromProperty(a.Method.ToString()),
                Number(a.NormalHalfWidth),
                Number(a.StudentTHalfWidth),
                l is null ? string.Empty : Number(l.Queries),
                l is null ? string.Empty : Number(l.MeanTemporalIoU),
                l is null ? string.Empty : Number(l.MeanAveragePrecision));
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }

    public static void WritePerClass(FewShotResult result, string path)
    {
        var text = new StringBuilder();
        text.Append("model,class,queries,correct,accuracy\n");
        foreach (ModelResult model in result.Models)
        {
            foreach (ClassAccuracy c in model.PerClass)
            {
                Row(text, Cell(model.Model), Cell(c.ClassName), Number(c.Queries), Number(c.Correct), Number(c.Accuracy));
            }
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }

    private static void Row(StringBuilder text, params string[] cells) => text.AppendJoin(',', cells).Append('\n');

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    // RFC 4180: quote a cell holding a separator, a quote or a line break; double the quotes inside.
    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
