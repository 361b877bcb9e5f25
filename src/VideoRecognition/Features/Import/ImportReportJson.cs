using System.Text.Json;
using VideoRecognition.Runtime;

namespace VideoRecognition.Features.Import;

/// <summary>import-report.json beside the store: what was imported and, by id, every video that was not and why.</summary>
internal static class ImportReportJson
{
    public static void Write(ImportSummary summary, string annotations, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("format", summary.FormatName);
            json.WriteString("source", summary.Source);
            json.WriteString("annotations", annotations);
            json.WriteString("store", summary.Store);
            json.WriteNumber("feature_dimension", summary.FeatureDimension);
            json.WriteNumber("segments", summary.Segments);
            json.WriteNumber("views", summary.Views);
            json.WriteNumber("labelled_videos", summary.Videos);
            json.WriteNumber("imported", summary.Imported);
            json.WriteNumber("unlabelled_not_imported", summary.Unlabelled);
            Problems(json, "skipped", summary.Skipped);
            Problems(json, "not_in_annotations", summary.NotInAnnotations);
            json.WriteEndObject();
        });

    private static void Problems(Utf8JsonWriter json, string name, IReadOnlyList<ImportProblem> problems)
    {
        json.WriteStartArray(name);
        foreach (ImportProblem problem in problems)
        {
            json.WriteStartObject();
            json.WriteString("id", problem.Id);
            json.WriteString("problem", problem.Problem);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
