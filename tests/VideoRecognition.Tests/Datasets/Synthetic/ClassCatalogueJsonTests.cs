using System.Text.Json;
using VideoRecognition.Datasets;
using VideoRecognition.Datasets.Synthetic;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class ClassCatalogueJsonTests
{
    [Fact]
    public void Classes_json_keeps_the_layout_it_always_had()
    {
        var colour = new ActorColour("Pink", 330);
        Bgr bgr = colour.Nominal;
        var pink = new SyntheticClass(0, "Pink ring \"orbiting\"", ActorShape.Ring, colour, ActorMotion.Orbiting, Scene.All[0], SplitPart.Novel);
        using var folder = new TempFolder();

        ClassCatalogueJson.Write([pink], folder["classes.json"]);

        // As the hand-written Utf8JsonWriter code wrote it, before the serialiser was source-generated.
        Assert.Equal(
            $$"""
            {
              "classes": [
                {
                  "index": 0,
                  "name": "Pink ring \u0022orbiting\u0022",
                  "appearance": {
                    "shape": "ring",
                    "colour": "pink",
                    "bgr": [
                      {{bgr.B}},
                      {{bgr.G}},
                      {{bgr.R}}
                    ]
                  },
                  "motion": "orbiting",
                  "home_scene": "{{Scene.All[0].Name}}",
                  "part": "novel"
                }
              ]
            }

            """,
            File.ReadAllText(folder["classes.json"]));
    }

    [Fact]
    public void The_default_catalogue_reads_back_class_by_class()
    {
        IReadOnlyList<SyntheticClass> classes = ClassCatalogue.Build(new SyntheticConfig(), VideoRecognition.Runtime.Seed.From(0));
        using var folder = new TempFolder();

        ClassCatalogueJson.Write(classes, folder["classes.json"]);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(folder["classes.json"]));

        JsonElement[] written = [.. document.RootElement.GetProperty("classes").EnumerateArray()];
        Assert.Equal(classes.Select(c => (c.Index, c.Name, ClassSplit.PartName(c.Part), c.HomeScene.Name)),
            written.Select(w => (w.GetProperty("index").GetInt32(), w.GetProperty("name").GetString()!, w.GetProperty("part").GetString()!, w.GetProperty("home_scene").GetString()!)));
    }
}
