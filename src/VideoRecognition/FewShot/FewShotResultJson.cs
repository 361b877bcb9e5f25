using System.Text.Json;
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
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteNumber("format_version", FormatVersion);
        json.WriteString("split", ClassSplit.PartName(result.Split));
        json.WriteNumber("way", result.Way);
        json.WriteNumber("shot", result.Shot);
        json.WriteNumber("query", result.Query);
        json.WriteNumber("seed", result.Seed.Value);
        json.WriteNumber("episodes", result.Episodes);
        json.WriteString("classifier", ConfigKeys.FromProperty(result.Classifier.ToString()));
        json.WriteStartArray("models");
        foreach (ModelResult model in result.Models)
        {
            WriteModel(json, model);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteModel(Utf8JsonWriter json, ModelResult model)
    {
        AccuracyInterval a = model.Accuracy;
        json.WriteStartObject();
        json.WriteString("model", model.Model);
        json.WriteNumber("mean_accuracy", a.Mean);
        json.WriteNumber("std", a.Std);
        json.WriteNumber("ci95_half_width", a.HalfWidth);
        json.WriteString("ci95_method", ConfigKeys.FromProperty(a.Method.ToString()));
        json.WriteNumber("ci95_normal_half_width", a.NormalHalfWidth);
        json.WriteNumber("ci95_student_t_half_width", a.StudentTHalfWidth);
        if (model.Localisation is { } l)
        {
            json.WriteStartObject("localisation");
            json.WriteNumber("queries", l.Queries);
            json.WriteNumber("predicted_spans", l.PredictedSpans);
            json.WriteFiniteOrNull("mean_tiou", l.MeanTemporalIoU);
            json.WriteFiniteOrNull("map_at_0_5", l.MeanAveragePrecision);
            json.WriteFiniteOrNull("average_map_0_5_to_0_95", l.AverageMeanAveragePrecision);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("localisation");
        }

        json.WriteStartArray("per_class");
        foreach (ClassAccuracy c in model.PerClass)
        {
            json.WriteStartObject();
            json.WriteString("class", c.ClassName);
            json.WriteNumber("queries", c.Queries);
            json.WriteNumber("correct", c.Correct);
            json.WriteNumber("accuracy", c.Accuracy);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("confusion");
        json.WriteStartArray("classes");
        foreach (string name in model.Confusion.Classes)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteStartArray("counts");
        foreach (long[] row in model.Confusion.Counts)
        {
            json.WriteStartArray();
            foreach (long count in row)
            {
                json.WriteNumberValue(count);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
