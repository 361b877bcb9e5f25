using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>
/// An episode set turned into integers once, shared by every model: videos are rows (ids in ordinal order),
/// classes are indices into <see cref="ClassNames"/> (ordinal order, the order of every report). Episode e's
/// support rows are Support[e*N*K + c*K + k] and its query rows Query[e*N*Q + c*Q + q]; query c*Q+q is of class c.
/// </summary>
internal sealed class EpisodeIndex
{
    private EpisodeIndex(EpisodeSet set, string[] videoIds, string[] videoLabels, string[] classNames, int[] support, int[] query, int[] classes)
    {
        Set = set;
        VideoIds = videoIds;
        VideoLabels = videoLabels;
        ClassNames = classNames;
        Support = support;
        Query = query;
        Classes = classes;
    }

    public EpisodeSet Set { get; }

    public int Count => Set.Episodes.Count;

    public int Way => Set.Way;

    public int Shot => Set.Shot;

    public int QueryPerClass => Set.Query;

    public string[] VideoIds { get; }

    /// <summary>The class each row is used as in the episodes (checked against the model's labels).</summary>
    public string[] VideoLabels { get; }

    public string[] ClassNames { get; }

    public int[] Support { get; }

    public int[] Query { get; }

    /// <summary>Classes[e*N + c]: the global class index of the episode's class c.</summary>
    public int[] Classes { get; }

    public ReadOnlySpan<int> SupportOf(int episode) => Support.AsSpan(episode * Way * Shot, Way * Shot);

    public ReadOnlySpan<int> QueryOf(int episode) => Query.AsSpan(episode * Way * QueryPerClass, Way * QueryPerClass);

    public ReadOnlySpan<int> ClassesOf(int episode) => Classes.AsSpan(episode * Way, Way);

    public static EpisodeIndex Build(EpisodeSet set)
    {
        set.EnsureSound("The episode set");
        var labelOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string id, string name) in set.VideoUses())
        {
            if (labelOf.TryGetValue(id, out string? earlier) && earlier != name)
            {
                throw new BadInputException($"The episode set uses video '{id}' as class '{earlier}' and as class '{name}'.");
            }

            labelOf[id] = name;
        }

        string[] ids = labelOf.Keys.Order(StringComparer.Ordinal).ToArray();
        string[] labels = ids.Select(id => labelOf[id]).ToArray();
        string[] classNames = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var row = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++)
        {
            row[ids[i]] = i;
        }

        var classIndex = new Dictionary<string, int>(classNames.Length, StringComparer.Ordinal);
        for (int i = 0; i < classNames.Length; i++)
        {
            classIndex[classNames[i]] = i;
        }

        int e0 = 0;
        var support = new int[set.Episodes.Count * set.Way * set.Shot];
        var query = new int[set.Episodes.Count * set.Way * set.Query];
        var classes = new int[set.Episodes.Count * set.Way];
        int s = 0, q = 0;
        foreach (Episode episode in set.Episodes)
        {
            for (int c = 0; c < set.Way; c++)
            {
                classes[e0++] = classIndex[episode.Classes[c]];
                foreach (string id in episode.Support[c])
                {
                    support[s++] = row[id];
                }

                foreach (string id in episode.Query[c])
                {
                    query[q++] = row[id];
                }
            }
        }

        return new EpisodeIndex(set, ids, labels, classNames, support, query, classes);
    }
}
