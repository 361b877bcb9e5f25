using VideoRecognition.Datasets;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>
/// A fixed list of episodes with everything needed to say where it came from (split, N, K, Q, seed), so that
/// a result can be replayed exactly and several models can be compared on the same tasks.
/// </summary>
public sealed record EpisodeSet(SplitPart Split, int Way, int Shot, int Query, Seed Seed, IReadOnlyList<Episode> Episodes)
{
    /// <summary>
    /// The problems that would make this set a different test than it claims to be (wrong counts, a class
    /// twice, a video reused within an episode), described with the episode number; empty when sound.
    /// </summary>
    public IEnumerable<string> Problems()
    {
        if (Episodes.Count < 2)
        {
            yield return $"has {Episodes.Count} episode(s); at least 2 are needed for a confidence interval";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int e = 0; e < Episodes.Count; e++)
        {
            Episode episode = Episodes[e];
            string? problem = ProblemOf(episode, seen);
            if (problem is not null)
            {
                yield return $"episode {e}: {problem}";
            }
        }
    }

    /// <summary>Every use of a video in the set, episode by episode: its id and the class the episode gives it.</summary>
    public IEnumerable<(string Id, string Class)> VideoUses() =>
        Episodes.SelectMany(episode => episode.Classes.SelectMany((name, c) => episode.Support[c].Concat(episode.Query[c]).Select(id => (id, name))));

    /// <summary>Throws <see cref="BadInputException"/> listing the first problems, naming the set by <paramref name="what"/>.</summary>
    public void EnsureSound(string what)
    {
        List<string> problems = Problems().Take(5).ToList();
        if (problems.Count > 0)
        {
            throw new BadInputException($"{what} is not a valid {Way}-way {Shot}-shot episode set with {Query} queries: {string.Join("; ", problems)}.");
        }
    }

    private string? ProblemOf(Episode episode, HashSet<string> seen)
    {
        if (episode.Classes.Count != Way || episode.Support.Count != Way || episode.Query.Count != Way)
        {
            return $"expected {Way} classes with a support and a query list each, got {episode.Classes.Count} classes, {episode.Support.Count} support lists, {episode.Query.Count} query lists";
        }

        if (episode.Classes.Distinct(StringComparer.Ordinal).Count() != Way)
        {
            return $"a class appears twice ({string.Join(", ", episode.Classes)})";
        }

        seen.Clear();
        for (int c = 0; c < Way; c++)
        {
            if (episode.Support[c].Count != Shot || episode.Query[c].Count != Query)
            {
                return $"class '{episode.Classes[c]}' has {episode.Support[c].Count} support and {episode.Query[c].Count} query videos, expected {Shot} and {Query}";
            }

            foreach (string id in episode.Support[c].Concat(episode.Query[c]))
            {
                if (!seen.Add(id))
                {
                    return $"video '{id}' is used twice (support and query must not overlap)";
                }
            }
        }

        return null;
    }
}
