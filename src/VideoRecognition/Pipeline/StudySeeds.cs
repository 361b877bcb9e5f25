using System.Globalization;
using VideoRecognition.Runtime;

namespace VideoRecognition.Pipeline;

/// <summary>
/// The seeds of a study, as the command line gives them (`0,1,2,3,4` or a count): whole numbers from 0,
/// each once, in the order given. Each seed names its own run folder (seed-&lt;s&gt;), so a duplicate would
/// silently count one run twice.
/// </summary>
public static class StudySeeds
{
    public const string DefaultList = "0,1,2,3,4";

    /// <summary>Parses a comma-separated list such as <c>0,1,2,3,4</c>.</summary>
    public static IReadOnlyList<int> Parse(string text)
    {
        string[] fields = text.Split(',', StringSplitOptions.TrimEntries);
        if (fields.All(f => f.Length == 0))
        {
            throw new BadInputException($"--seeds '{text}' holds no seed; give a comma-separated list such as {DefaultList}");
        }

        var seeds = new List<int>();
        foreach (string field in fields)
        {
            int seed = One(field, $"--seeds '{text}'");
            if (seeds.Contains(seed))
            {
                throw new BadInputException($"--seeds '{text}': seed {seed} is given twice; each seed is one run and counts once");
            }

            seeds.Add(seed);
        }

        return seeds;
    }

    /// <summary>Seeds 0 .. count - 1, from the text of <c>--seed-count</c>.</summary>
    public static IReadOnlyList<int> First(string count)
    {
        if (!int.TryParse(count.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
        {
            throw new BadInputException($"--seed-count '{count}': expected a whole number of seeds from 1 (at least 2 for a spread and an interval)");
        }

        return Enumerable.Range(0, n).ToList();
    }

    /// <summary>One seed (of <c>--only</c>, or a field of a list); <paramref name="what"/> names the option in the message.</summary>
    public static int One(string text, string what) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int seed)
            ? seed
            : throw new BadInputException($"{what}: '{text.Trim()}' is not a seed; seeds are whole numbers from 0, such as {DefaultList}");
}
