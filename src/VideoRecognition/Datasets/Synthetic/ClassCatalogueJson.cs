using System.Text.Json;
using System.Text.Json.Serialization;
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
        var catalogue = new CatalogueJson(classes.Select(c => new ClassJson(
            c.Index,
            c.Name,
            new AppearanceJson(c.Shape.ToString().ToLowerInvariant(), c.Colour.Name.ToLowerInvariant(), [c.Colour.Nominal.B, c.Colour.Nominal.G, c.Colour.Nominal.R]),
            c.Motion.ToString().ToLowerInvariant(),
            c.HomeScene.Name,
            ClassSplit.PartName(c.Part))).ToList());
        OurJson.Document(stream, catalogue, ClassCatalogueJsonContext.Ours.CatalogueJson);
    });

    internal sealed record CatalogueJson(IReadOnlyList<ClassJson> Classes);

    internal sealed record ClassJson(int Index, string Name, AppearanceJson Appearance, string Motion, string HomeScene, string Part);

    // bgr as numbers, not the base64 a byte[] would become.
    internal sealed record AppearanceJson(string Shape, string Colour, IReadOnlyList<int> Bgr);
}

[JsonSerializable(typeof(ClassCatalogueJson.CatalogueJson))]
internal sealed partial class ClassCatalogueJsonContext : JsonSerializerContext
{
    public static readonly ClassCatalogueJsonContext Ours = new(OurJson.Options(indented: true));
}
