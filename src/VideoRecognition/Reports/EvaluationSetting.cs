using System.Text.Json;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.FewShot;

namespace VideoRecognition.Reports;

/// <summary>
/// One few-shot setting (split, N-way K-shot, episodes, classifier) with the models evaluated on it, as the
/// report's evaluation table shows it. Built from a <see cref="FewShotResult"/> in memory or read back from the
/// JSON that <see cref="FewShotResultJson"/> wrote, so a report can be made long after the evaluation ran.
/// </summary>
public sealed record EvaluationSetting(
    string Split,
    int Way,
    int Shot,
    int Query,
    int Episodes,
    ulong Seed,
    string Classifier,
    IReadOnlyList<EvaluatedModel> Models)
{
    public static EvaluationSetting From(FewShotResult result) => new(
        ClassSplit.PartName(result.Split),
        result.Way,
        result.Shot,
        result.Query,
        result.Episodes,
        result.Seed.Value,
        ConfigKeys.FromProperty(result.Classifier.ToString()),
        result.Models.Select(EvaluatedModel.From).ToList());

    /// <summary>Reads a result JSON written by <see cref="FewShotResultJson"/>; names the file and key on a malformed one.</summary>
    public static EvaluationSetting Read(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = document.RootElement;
            return new EvaluationSetting(
                Text(root, "split"),
                root.GetProperty("way").GetInt32(),
                root.GetProperty("shot").GetInt32(),
                root.GetProperty("query").GetInt32(),
                root.GetProperty("episodes").GetInt32(),
                root.GetProperty("seed").GetUInt64(),
                Text(root, "classifier"),
                root.GetProperty("models").EnumerateArray().Select(EvaluatedModel.Read).ToList());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new Runtime.BadInputException($"'{path}' is not a few-shot result JSON: {e.Message}");
        }
    }

    private static string Text(JsonElement element, string key) =>
        element.GetProperty(key).GetString() ?? throw new FormatException($"'{key}' is null");
}

/// <summary>One model's row of the evaluation table; localisation numbers are null when not measured.</summary>
public sealed record EvaluatedModel(
    string Model,
    double MeanAccuracy,
    double HalfWidth,
    string IntervalMethod,
    long? LocalisedQueries,
    double? MeanTemporalIoU,
    double? MeanAveragePrecision)
{
    public static EvaluatedModel From(ModelResult model)
    {
        LocalisationResult? l = model.Localisation;
        return new EvaluatedModel(
            model.Model,
            model.Accuracy.Mean,
            model.Accuracy.HalfWidth,
            ConfigKeys.FromProperty(model.Accuracy.Method.ToString()),
            l?.Queries,
            l is null || !double.IsFinite(l.MeanTemporalIoU) ? null : l.MeanTemporalIoU,
            l is null || !double.IsFinite(l.MeanAveragePrecision) ? null : l.MeanAveragePrecision);
    }

    internal static EvaluatedModel Read(JsonElement model)
    {
        JsonElement localisation = model.GetProperty("localisation");
        bool localised = localisation.ValueKind == JsonValueKind.Object;
        return new EvaluatedModel(
            model.GetProperty("model").GetString() ?? throw new FormatException("'model' is null"),
            model.GetProperty("mean_accuracy").GetDouble(),
            model.GetProperty("ci95_half_width").GetDouble(),
            model.GetProperty("ci95_method").GetString() ?? "",
            localised ? localisation.GetProperty("queries").GetInt64() : null,
            localised ? Number(localisation, "mean_tiou") : null,
            localised ? Number(localisation, "map_at_0_5") : null);
    }

    private static double? Number(JsonElement element, string key) =>
        element.GetProperty(key) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;
}
