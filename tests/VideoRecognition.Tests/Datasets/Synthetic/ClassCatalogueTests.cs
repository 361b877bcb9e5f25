using VideoRecognition.Datasets;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class ClassCatalogueTests
{
    private static readonly IReadOnlyList<SyntheticClass> Default = ClassCatalogue.Build(new SyntheticConfig(), Seed.From(0));

    [Fact]
    public void Names_are_unique_and_readable_and_the_parts_have_ten_val_and_ten_novel_classes()
    {
        Assert.Equal(40, Default.Count);
        Assert.Equal(40, Default.Select(c => c.Name).Distinct().Count());
        Assert.All(Default, c => Assert.Matches("^[A-Z][a-z]+ [a-z]+ [a-z]+$", c.Name));
        Assert.All(Default, c => Assert.StartsWith($"{c.Colour.Name} {c.Shape.ToString().ToLowerInvariant()} ", c.Name));
        Assert.Equal((20, 10, 10), (Default.Count(c => c.Part == SplitPart.Base), Default.Count(c => c.Part == SplitPart.Val), Default.Count(c => c.Part == SplitPart.Novel)));
    }

    [Fact]
    public void No_single_attribute_value_and_no_look_belongs_to_one_class()
    {
        Assert.All(Default.GroupBy(c => c.Shape), g => Assert.True(g.Count() >= 2, $"shape {g.Key} has {g.Count()} class"));
        Assert.All(Default.GroupBy(c => c.Colour.Name), g => Assert.True(g.Count() >= 2, $"colour {g.Key} has {g.Count()} class"));
        Assert.All(Default.GroupBy(c => c.Motion), g => Assert.True(g.Count() >= 2, $"motion {g.Key} has {g.Count()} class"));
        Assert.Equal(Enum.GetValues<ActorShape>().Length, Default.Select(c => c.Shape).Distinct().Count());
        Assert.Equal(ActorColour.All.Count, Default.Select(c => c.Colour).Distinct().Count());

        // A still frame shows a look (shape and colour family); twins of a look must differ in motion.
        Assert.All(Default.GroupBy(c => (c.Shape, c.Colour.Name)), look =>
        {
            Assert.True(look.Count() >= 2, $"look {look.Key} belongs to one class");
            Assert.Equal(look.Count(), look.Select(c => c.Motion).Distinct().Count());
        });
    }

    [Fact]
    public void Every_home_scene_is_shared_by_several_classes_and_all_scenes_are_used()
    {
        Assert.Equal(Scene.All.Count, Default.Select(c => c.HomeScene).Distinct().Count());
        Assert.All(Default.GroupBy(c => c.HomeScene.Name), g => Assert.True(g.Count() >= 3, $"scene {g.Key} is home to {g.Count()} classes"));
    }

    [Fact]
    public void Round_actors_never_spin_because_their_spin_would_not_show()
    {
        IReadOnlyList<SyntheticClass> big = ClassCatalogue.Build(new SyntheticConfig { Classes = 400 }, Seed.From(3));
        Assert.DoesNotContain(big, c => c.Motion == ActorMotion.Spinning && c.Shape is ActorShape.Circle or ActorShape.Ring);
        Assert.Equal(400, big.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void The_catalogue_is_a_function_of_the_seed()
    {
        var config = new SyntheticConfig();
        Assert.Equal(Default, ClassCatalogue.Build(config, Seed.From(0)));
        Assert.NotEqual(Default.Select(c => c.Name), ClassCatalogue.Build(config, Seed.From(1)).Select(c => c.Name));
    }

    [Fact]
    public void The_smallest_catalogue_still_shares_every_shape_colour_and_home_scene()
    {
        IReadOnlyList<SyntheticClass> small = ClassCatalogue.Build(new SyntheticConfig { Classes = 6 }, Seed.From(2));
        Assert.All(small.GroupBy(c => c.Shape), g => Assert.True(g.Count() >= 2));
        Assert.All(small.GroupBy(c => c.Colour.Name), g => Assert.True(g.Count() >= 2));
        Assert.All(small.GroupBy(c => c.HomeScene.Name), g => Assert.True(g.Count() >= 2));
    }
}
