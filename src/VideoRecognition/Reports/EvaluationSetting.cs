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
                Field(root, "split", JsonValueKind.String).GetString()!,
                Field(root, "way", JsonValueKind.Number).GetInt32(),
                Field(root, "shot", JsonValueKind.Number).GetInt32(),
                Field(root, "query", JsonValueKind.Number).GetInt32(),
                Field(root, "episodes", JsonValueKind.Number).GetInt32(),
                Field(root, "seed", JsonValueKind.Number).GetUInt64(),
                Field(root, "classifier", JsonValueKind.String).GetString()!,
                Field(root, "models", JsonValueKind.Array).EnumerateArray().Select(EvaluatedModel.Read).ToList());
        }
        catch (JsonException e)
        {
            throw new Runtime.BadInputException($"'{path}' is not a few-shot result JSON: {Runtime.OurJson.Reason(e)}");
        }
        catch (FormatException e)
        {
            throw new Runtime.BadInputException($"'{path}' is not a few-shot result JSON (as `vrec eval` writes results-*.json): {e.Message}");
        }
    }

    /// <summary>The value under <paramref name="key"/>; a FormatException naming the key when it is absent or of another kind.</summary>
    internal static JsonElement Field(JsonElement element, string key, JsonValueKind kind)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected an object with '{key}', found {Runtime.OurJson.KindName(element.ValueKind)}");
        }

        if (!element.TryGetProperty(key, out JsonElement value))
        {
            throw new FormatException($"it has no '{key}'");
        }

        return value.ValueKind == kind ? value : throw new FormatException($"'{key}': expected {Runtime.OurJson.KindName(kind)}, found {Runtime.OurJson.KindName(value.ValueKind)}");
    }
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
        JsonElement localisation = model.ValueKind == JsonValueKind.Object && model.TryGetProperty("localisation", out JsonElement l) ? l : default;
        bool localised = localisation.ValueKind == JsonValueKind.Object;
        return new EvaluatedModel(
            EvaluationSetting.Field(model, "model", JsonValueKind.String).GetString()!,
            EvaluationSetting.Field(model, "mean_accuracy", JsonValueKind.Number).GetDouble(),
            EvaluationSetting.Field(model, "ci95_half_width", JsonValueKind.Number).GetDouble(),
            model.TryGetProperty("ci95_method", out JsonElement method) && method.ValueKind == JsonValueKind.String ? method.GetString()! : "",
            localised ? EvaluationSetting.Field(localisation, "queries", JsonValueKind.Number).GetInt64() : null,
            localised ? Number(localisation, "mean_tiou") : null,
            localised ? Number(localisation, "map_at_0_5") : null);
    }

    private static double? Number(JsonElement element, string key) =>
        element.TryGetProperty(key, out JsonElement n) && n.ValueKind == JsonValueKind.Number ? n.GetDouble() : null;
}
