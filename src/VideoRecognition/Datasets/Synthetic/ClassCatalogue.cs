using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// Builds the seeded list of synthetic classes and their few-shot split. A class is a combination of
/// attribute values that other classes share: every look (shape and colour family) belongs to at least two
/// classes that differ in motion, every shape and colour family to several looks, every home scene to
/// several classes. So no single attribute, and no single still frame, names a class.
/// </summary>
public static class ClassCatalogue
{
    /// <summary>Classes per look when there are enough looks; twins of a look differ only in motion.</summary>
    public const int ClassesPerLook = 2;

    public static IReadOnlyList<SyntheticClass> Build(SyntheticConfig config, Seed seed)
    {
        ActorShape[] shapes = Enum.GetValues<ActorShape>();
        ActorMotion[] motions = Enum.GetValues<ActorMotion>();
        IReadOnlyList<ActorColour> colours = ActorColour.All;
        Random random = seed.Derive("synth.classes").ToRandom();

        // Walking the diagonals of the shape x colour grid, every run of 8 consecutive looks has each shape and
        // each colour once, so the chosen looks spread evenly over both attributes.
        int lookCount = Math.Clamp(config.Classes / ClassesPerLook, 1, shapes.Length * colours.Count);
        int[] shapeOrder = Shuffled(shapes.Length, random);
        int[] colourOrder = Shuffled(colours.Count, random);
        (ActorShape Shape, ActorColour Colour)[] looks = Enumerable.Range(0, lookCount)
            .Select(j => (shapes[shapeOrder[j % shapes.Length]], colours[colourOrder[((j % shapes.Length) + (j / shapes.Length)) % colours.Count]]))
            .ToArray();

        int homeSceneCount = Math.Clamp(config.Classes / 3, 1, Scene.All.Count);
        int[] homeSceneChoice = Shuffled(Scene.All.Count, random)[..homeSceneCount];
        int[] homeScenes = Enumerable.Range(0, config.Classes).Select(i => homeSceneChoice[i % homeSceneCount]).ToArray();
        random.Shuffle(homeScenes);

        SplitPart[] parts = SplitParts(config, seed);
        var motionUse = new int[motions.Length];
        var lookMotions = looks.Select(_ => new HashSet<ActorMotion>()).ToArray();
        var classes = new List<SyntheticClass>(config.Classes);
        for (int i = 0; i < config.Classes; i++)
        {
            int look = i % lookCount;
            (ActorShape shape, ActorColour colour) = looks[look];

            // The least used motion this look does not have yet keeps motions balanced over the catalogue;
            // a round actor spinning would look still, so round looks never spin.
            ActorMotion motion = Shuffled(motions.Length, random)
                .Select(m => motions[m])
                .Where(m => !lookMotions[look].Contains(m) && !(m == ActorMotion.Spinning && shape is ActorShape.Circle or ActorShape.Ring))
                .MinBy(m => motionUse[(int)m]);
            lookMotions[look].Add(motion);
            motionUse[(int)motion]++;

            string name = $"{colour.Name} {shape.ToString().ToLowerInvariant()} {motion.ToString().ToLowerInvariant()}";
            classes.Add(new SyntheticClass(i, name, shape, colour, motion, Scene.All[homeScenes[i]], parts[i]));
        }

        return classes;
    }

    /// <summary>How many classes go to base, val and novel (see <see cref="ClassSplitShares.Sizes"/>).</summary>
    public static (int Base, int Val, int Novel) PartSizes(SyntheticConfig config) => config.Split.Sizes(config.Classes);

    private static int[] Shuffled(int count, Random random)
    {
        int[] order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

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
