using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>Builds the seeded list of synthetic classes and their few-shot split.</summary>
public static class ClassCatalogue
{
    /// <summary>Different looks (colour x shape); up to this many classes no two classes look alike in a still frame.</summary>
    public static int DistinctAppearances => ActorColour.All.Count * Enum.GetValues<ActorShape>().Length;

    public static IReadOnlyList<SyntheticClass> Build(SyntheticConfig config, Seed seed)
    {
        ActorShape[] shapes = Enum.GetValues<ActorShape>();
        ActorMotion[] motions = Enum.GetValues<ActorMotion>();
        ActorTexture[] textures = Enum.GetValues<ActorTexture>();
        Random random = seed.Derive("synth.classes").ToRandom();

        // Looks are used once each before any repeats; a repeated look gets a different motion, so
        // (colour, shape, motion) and thus the name stay unique up to 8 x 8 x 8 = 512 classes.
        int[] looks = Enumerable.Range(0, DistinctAppearances).ToArray();
        random.Shuffle(looks);
        int[] motionOffset = Enumerable.Range(0, DistinctAppearances).Select(_ => random.Next(motions.Length)).ToArray();
        int[] scenes = Enumerable.Range(0, config.Classes).Select(i => i % Scene.All.Count).ToArray();
        random.Shuffle(scenes);

        SplitPart[] parts = SplitParts(config, seed);
        var classes = new List<SyntheticClass>(config.Classes);
        for (int i = 0; i < config.Classes; i++)
        {
            int look = looks[i % looks.Length];
            ActorColour colour = ActorColour.All[look / shapes.Length];
            ActorShape shape = shapes[look % shapes.Length];
            ActorMotion motion = motions[(motionOffset[look] + (i / looks.Length)) % motions.Length];
            ActorTexture texture = textures[(look + (i / looks.Length)) % textures.Length];
            if (motion == ActorMotion.Spinning && (texture is ActorTexture.Solid or ActorTexture.Outlined || shape is ActorShape.Circle or ActorShape.Ring))
            {
                // A plain or round actor turning looks still; stripes make the spin visible.
                texture = ActorTexture.Striped;
            }

            string name = $"{colour.Name} {shape.ToString().ToLowerInvariant()} {motion.ToString().ToLowerInvariant()}";
            classes.Add(new SyntheticClass(i, name, shape, colour, texture, motion, Scene.All[scenes[i]], parts[i]));
        }

        return classes;
    }

    /// <summary>How many classes go to base, val and novel (see <see cref="ClassSplitShares.Sizes"/>).</summary>
    public static (int Base, int Val, int Novel) PartSizes(SyntheticConfig config) => config.Split.Sizes(config.Classes);

    private static SplitPart[] SplitParts(SyntheticConfig config, Seed seed)
    {
        (int baseCount, int valCount, _) = PartSizes(config);
        int[] order = Enumerable.Range(0, config.Classes).ToArray();
        seed.Derive("synth.split").ToRandom().Shuffle(order);
        var parts = new SplitPart[config.Classes];
        for (int rank = 0; rank < order.Length; rank++)
        {
            parts[order[rank]] = rank < baseCount ? SplitPart.Base : rank < baseCount + valCount ? SplitPart.Val : SplitPart.Novel;
        }

        return parts;
    }
}
