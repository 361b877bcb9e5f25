using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Runtime;

public sealed class SeedTests
{
    [Fact]
    public void Same_purpose_and_index_give_the_same_child()
    {
        var seed = Seed.From(42);
        Assert.Equal(seed.Derive("synth.video", 3), seed.Derive("synth.video", 3));
        Assert.Equal(seed.Derive("a").ToRandom().Next(), seed.Derive("a").ToRandom().Next());
    }

    [Fact]
    public void Children_differ_by_purpose_index_and_parent()
    {
        var seed = Seed.From(42);
        var children = new HashSet<Seed>
        {
            seed.Derive("synth.video", 0),
            seed.Derive("synth.video", 1),
            seed.Derive("synth.frame", 0),
            Seed.From(43).Derive("synth.video", 0),
        };
        Assert.Equal(4, children.Count);
    }
}
