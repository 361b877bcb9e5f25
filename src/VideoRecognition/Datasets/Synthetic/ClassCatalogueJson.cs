using System.Text.Json;
using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// Writes classes.json: every class with its look (shape, colour family and that family's nominal colour;
/// each video jitters it), motion, home scene and split part, in catalogue order.
/// </summary>
public static class ClassCatalogueJson
{
    public static void Write(IReadOnlyList<SyntheticClass> classes, string path) => AtomicFile.Write(path, stream =>
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteStartArray("classes");
        foreach (SyntheticClass c in classes)
        {
            json.WriteStartObject();
            json.WriteNumber("index", c.Index);
            json.WriteString("name", c.Name);
            json.WriteStartObject("appearance");
            json.WriteString("shape", c.Shape.ToString().ToLowerInvariant());
            json.WriteString("colour", c.Colour.Name.ToLowerInvariant());
            json.WriteStartArray("bgr");
            json.WriteNumberValue(c.Colour.Nominal.B);
            json.WriteNumberValue(c.Colour.Nominal.G);
            json.WriteNumberValue(c.Colour.Nominal.R);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("motion", c.Motion.ToString().ToLowerInvariant());
            json.WriteString("home_scene", c.HomeScene.Name);
            json.WriteString("part", ClassSplit.PartName(c.Part));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    });
}
