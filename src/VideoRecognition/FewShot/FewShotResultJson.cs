using System.Text.Json;
using System.Text.Json.Serialization;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>
/// Writes a few-shot result as JSON (atomically; byte-stable for the same result). Undefined numbers (a mean
/// tIoU without ground truth) are written as null. Per-episode accuracies are left out: they belong to the
/// episode set's replay, not to the report.
/// </summary>
public static class FewShotResultJson
{
    public const int FormatVersion = 1;

    public static void Write(FewShotResult result, string path) => AtomicFile.Write(path, stream => Write(result, stream));

    public static void Write(FewShotResult result, Stream stream)
    {
        var file = new ResultFile(
            FormatVersion,
            ClassSplit.PartName(result.Split),
            result.Way,
            result.Shot,
            result.Query,
            result.Seed.Value,
            result.Episodes,
            ConfigKeys.FromProperty(result.Classifier.ToString()),
            result.Models.Select(Model).ToList());
        OurJson.Document(stream, file, FewShotResultJsonContext.Ours.ResultFile);
    }

    private static ModelEntry Model(ModelResult model)
    {
        AccuracyInterval a = model.Accuracy;
        return new ModelEntry(
            model.Model,
            a.Mean,
            a.Std,
            a.HalfWidth,
            ConfigKeys.FromProperty(a.Method.ToString()),
            a.NormalHalfWidth,
            a.StudentTHalfWidth,
            model.Localisation is { } l
                ? new LocalisationEntry(l.Queries, l.PredictedSpans, l.MeanTemporalIoU.FiniteOrNull(), l.MeanAveragePrecision.FiniteOrNull(), l.AverageMeanAveragePrecision.FiniteOrNull())
                : null,
            model.PerClass.Select(c => new ClassEntry(c.ClassName, c.Queries, c.Correct, c.Accuracy)).ToList(),
            new ConfusionEntry(model.Confusion.Classes, model.Confusion.Counts));
    }

    internal sealed record ResultFile(
        int FormatVersion,
        string Split,
        int Way,
        int Shot,
        int Query,
        ulong Seed,
        int Episodes,
        string Classifier,
        IReadOnlyList<ModelEntry> Models);

    internal sealed record ModelEntry(
        string Model,
        double MeanAccuracy,
        double Std,
        [property: JsonPropertyName("ci95_half_width")] double HalfWidth,
        [property: JsonPropertyName("ci95_method")] string Method,
        [property: JsonPropertyName("ci95_normal_half_width")] double NormalHalfWidth,
        [property: JsonPropertyName("ci95_student_t_half_width")] double StudentTHalfWidth,
        LocalisationEntry? Localisation,
        IReadOnlyList<ClassEntry> PerClass,
        ConfusionEntry Confusion);

    internal sealed record LocalisationEntry(
        long Queries,
        long PredictedSpans,
        [property: JsonPropertyName("mean_tiou")] double? MeanTemporalIoU,
        [property: JsonPropertyName("map_at_0_5")] double? MeanAveragePrecision,
        [property: JsonPropertyName("average_map_0_5_to_0_95")] double? AverageMeanAveragePrecision);

    internal sealed record ClassEntry(string Class, long Queries, long Correct, double Accuracy);

    internal sealed record ConfusionEntry(IReadOnlyList<string> Classes, long[][] Counts);
}

[JsonSerializable(typeof(FewShotResultJson.ResultFile))]
internal sealed partial class FewShotResultJsonContext : JsonSerializerContext
{
    public static readonly FewShotResultJsonContext Ours = new(OurJson.Options(indented: true));
}
