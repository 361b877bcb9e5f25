using System.Globalization;
using VideoRecognition.Runtime;

namespace VideoRecognition.Features;

/// <summary>
/// Shard i of n (`--shard i/n`, 1-based as Slurm array indices usually are). Videos are dealt out in the
/// ordinal order of their ids, round robin, so shards are balanced and any machine computes the same split.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public static readonly ShardSpec Whole = new(1, 1);

    public bool IsWhole => Count == 1;

    public static ShardSpec Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }

        throw new BadInputException($"--shard '{text}': expected i/n with 1 <= i <= n, for example --shard 3/8");
    }

    /// <summary>This shard's videos, in the store's global order.</summary>
    public IReadOnlyList<T> Select<T>(IEnumerable<T> videos, Func<T, string> id)
    {
        var self = this;
        return GlobalOrder(videos, id).Where((_, position) => position % self.Count == self.Index - 1).ToList();
    }

    /// <summary>The order of videos in a whole store: ordinal by id, independent of how they were listed.</summary>
    public static IEnumerable<T> GlobalOrder<T>(IEnumerable<T> videos, Func<T, string> id) =>
        videos.OrderBy(id, StringComparer.Ordinal);

    public override string ToString() => $"{Index}/{Count}";
}
