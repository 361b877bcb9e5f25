using VideoRecognition.Datasets;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class ClassCatalogueTests
{
    [Fact]
    public void Names_are_unique_looks_are_distinct_and_scenes_are_shared()
    {
        IReadOnlyList<SyntheticClass> classes = ClassCatalogue.Build(new SyntheticConfig(), Seed.From(0));
        Assert.Equal(30, classes.Count);
        Assert.Equal(30, classes.Select(c => c.Name).Distinct().Count());
        Assert.Equal(30, classes.Select(c => (c.Colour.Name, c.Shape)).Distinct().Count());
        Assert.All(classes.GroupBy(c => c.Scene.Name), g => Assert.True(g.Count() >= 2, $"scene {g.Key} has one class"));
        Assert.Equal(Scene.All.Count, classes.Select(c => c.Scene.Name).Distinct().Count());
        Assert.Equal((19, 5, 6), (classes.Count(c => c.Part == SplitPart.Base), classes.Count(c => c.Part == SplitPart.Val), classes.Count(c => c.Part == SplitPart.Novel)));
        Assert.Matches("^[A-Z][a-z]+ [a-z]+ [a-z]+$", classes[0].Name);
    }

    [Fact]
    public void The_largest_allowed_catalogue_still_has_unique_names()
    {
        IReadOnlyList<SyntheticClass> classes = ClassCatalogue.Build(new SyntheticConfig { Classes = 400 }, Seed.From(3));
        Assert.Equal(400, classes.Select(c => c.Name).Distinct().Count());
    }
}
