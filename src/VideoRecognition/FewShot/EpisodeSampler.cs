using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>
/// Draws seeded N-way K-shot episodes: N classes among those with at least K+Q videos, then K support and
/// Q query videos per class without replacement, so support and query never share a video.
/// Episode e depends only on the seed, e and the pool (classes and ids are sorted first), not on the input
/// order or on how many episodes are drawn: the first 100 of a 10,000-episode set are the 100-episode set.
/// </summary>
public static class EpisodeSampler
{
    private const string Purpose = "fewshot.episode";

    public static EpisodeSet Sample(
        IEnumerable<string> classes, IEnumerable<VideoEmbedding> videos, EvaluationConfig config, Seed seed) =>
        Sample(classes, videos.Select(v => (v.Id, v.Label)), config, seed);

    /// <summary>Episodes as <paramref name="config"/> asks, from ids and labels alone (no embedding needed yet).</summary>
    public static EpisodeSet Sample(
        IEnumerable<string> classes, IEnumerable<(string Id, string Label)> videos, EvaluationConfig config, Seed seed)
    {
        ConfigValidation.ThrowIfInvalid(config, "eval");
        return Sample(classes, videos, config.Split, config.Way, config.Shot, config.Query, config.Episodes, seed);
    }

    /// <summary>
    /// Episodes over <paramref name="classes"/> (the classes of the split part) from every available video with
    /// its label (videos of other classes are ignored). Classes with fewer than shot + query videos are never drawn.
    /// </summary>
    public static EpisodeSet Sample(
        IEnumerable<string> classes,
        IEnumerable<(string Id, string Label)> videos,
        SplitPart split,
        int way,
        int shot,
        int query,
        int episodes,
        Seed seed)
    {
        if (way < 1 || shot < 1 || query < 1 || episodes < 1)
        {
            throw new BadInputException($"Episodes need way, shot, query and episodes of at least 1; got way {way}, shot {shot}, query {query}, episodes {episodes}.");
        }

        string[][] pool = EligiblePool(classes, videos, split, way, shot, query, out string[] eligibleClasses);
        var drawn = new Episode[episodes];
        Parallel.For(
            0,
            episodes,
            () => new int[pool.Length == 0 ? 0 : Math.Max(pool.Length, pool.Max(p => p.Length))],
            (e, _, scratch) =>
            {
                drawn[e] = Draw(pool, eligibleClasses, way, shot, query, seed.Derive(Purpose, e).ToRandom(), scratch);
                return scratch;
            },
            _ => { });

        return new EpisodeSet(split, way, shot, query, seed, drawn);
    }

    private static Episode Draw(string[][] pool, string[] classes, int way, int shot, int query, Random random, int[] scratch)
    {
        int[] chosen = PartialShuffle(pool.Length, way, random, scratch).ToArray();
        Array.Sort(chosen); // classes in name order: easier to read, and order has no effect on a prediction
        var names = new string[way];
        var support = new IReadOnlyList<string>[way];
        var queries = new IReadOnlyList<string>[way];
        for (int c = 0; c < way; c++)
        {
            string[] ids = pool[chosen[c]];
            Span<int> picked = PartialShuffle(ids.Length, shot + query, random, scratch);
            names[c] = classes[chosen[c]];
            support[c] = Pick(ids, picked[..shot]);
            queries[c] = Pick(ids, picked[shot..]);
        }

        return new Episode(names, support, queries);
    }

    // Fisher-Yates stopped after `count` swaps: the first `count` entries are a uniform draw without replacement.
    private static Span<int> PartialShuffle(int length, int count, Random random, int[] scratch)
    {
        Span<int> order = scratch.AsSpan(0, length);
        for (int i = 0; i < length; i++)
        {
            order[i] = i;
        }

        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, length);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order[..count];
    }

    private static string[] Pick(string[] ids, ReadOnlySpan<int> indices)
    {
        var picked = new string[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            picked[i] = ids[indices[i]];
        }

        return picked;
    }

    private static string[][] EligiblePool(
        IEnumerable<string> classes,
        IEnumerable<(string Id, string Label)> videos,
        SplitPart split,
        int way,
        int shot,
        int query,
        out string[] eligibleClasses)
    {
        string[] names = classes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string part = ClassSplit.PartName(split);
        int needed = shot + query;
        string task = $"{way}-way {shot}-shot with {query} quer{(query == 1 ? "y" : "ies")} needs {way} classes with at least {needed} videos each";
        if (names.Length == 0)
        {
            throw new BadInputException($"{task}; the {part} split has no classes.");
        }

        var byClass = names.ToDictionary(n => n, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var labelOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string id, string label) in videos)
        {
            if (labelOf.TryGetValue(id, out string? earlier) && earlier != label)
            {
                throw new BadInputException($"Video '{id}' is labelled both '{earlier}' and '{label}'; a video must have one label for few-shot episodes.");
            }

            labelOf[id] = label;
            if (byClass.TryGetValue(label, out SortedSet<string>? ids))
            {
                ids.Add(id);
            }
        }

        string[] eligible = names.Where(n => byClass[n].Count >= needed).ToArray();
        if (eligible.Length < way)
        {
            string have = eligible.Length == 0 ? "none" : Listing(eligible.Select(n => $"{n} ({byClass[n].Count})"));
            string[] small = names.Where(n => byClass[n].Count < needed).ToArray();
            string tooSmall = small.Length == 0 ? string.Empty : $"; too few videos: {Listing(small.Select(n => $"{n} ({byClass[n].Count})"))}";
            throw new BadInputException(
                $"{task}; the {part} split has {eligible.Length} such class{(eligible.Length == 1 ? string.Empty : "es")} (of {names.Length}): {have}{tooSmall}.");
        }

        eligibleClasses = eligible;
        return eligible.Select(n => byClass[n].ToArray()).ToArray();
    }

    private static string Listing(IEnumerable<string> items)
    {
        const int Shown = 10;
        List<string> all = items.ToList();
        return all.Count <= Shown
            ? string.Join(", ", all)
            : $"{string.Join(", ", all.Take(Shown))} and {all.Count - Shown} more";
    }
}
