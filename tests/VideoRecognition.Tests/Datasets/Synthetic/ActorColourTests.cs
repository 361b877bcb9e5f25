using VideoRecognition.Datasets.Synthetic;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class ActorColourTests
{
    [Fact]
    public void Every_jittered_actor_colour_is_actor_like_and_no_scene_or_muted_colour_is()
    {
        var random = new Random(8);
        foreach (ActorColour family in ActorColour.All)
        {
            for (int i = 0; i < 500; i++)
            {
                Hsv drawn = family.Draw(random, jitter: 1.0);
                Assert.True(ActorColour.IsActorLike(Hsv.From(drawn.ToBgr())), $"{family.Name} drew {drawn}");
            }
        }

        Assert.All(Scene.All.SelectMany(s => s.Colours), c => Assert.True(Hsv.From(c).Saturation <= MutedPalette.MaxSaturation + 0.005, $"scene colour {c}"));
        for (int i = 0; i < 2_000; i++)
        {
            Assert.False(ActorColour.IsActorLike(Hsv.From(MutedPalette.Draw(random))));
            Assert.False(ActorColour.IsActorLike(Hsv.From(MutedPalette.Ink(random, light: i % 2 == 0))));
        }
    }

    [Fact]
    public void Jitter_spreads_hue_in_proportion_and_zero_jitter_gives_the_nominal_colour()
    {
        var random = new Random(9);
        ActorColour green = ActorColour.All.Single(c => c.Name == "Green");
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(green.Nominal, green.Draw(random, 0).ToBgr()));

        double Spread(double jitter) => Enumerable.Range(0, 2_000).Max(_ => Math.Abs(green.Draw(random, jitter).Hue - green.Hue));
        Assert.InRange(Spread(0.5), 0.9 * 0.5 * ActorColour.MaxHueShift, 0.5 * ActorColour.MaxHueShift);
        Assert.InRange(Spread(1.0), 0.9 * ActorColour.MaxHueShift, ActorColour.MaxHueShift);
    }
}
