namespace VideoRecognition.Datasets;

/// <summary>
/// How a split file fits the classes of an annotation file: every class must be in exactly one part.
/// Lists are ordinally sorted so the messages are stable.
/// </summary>
/// <param name="Unknown">Classes in the split that the annotation file does not have (a typo, another dataset version).</param>
/// <param name="Missing">Classes of the annotation file that the split leaves out.</param>
/// <param name="Repeated">Classes listed more than once (in one part or in several).</param>
public sealed record ClassSplitCoverage(IReadOnlyList<string> Unknown, IReadOnlyList<string> Missing, IReadOnlyList<string> Repeated)
{
    public bool IsExact => Unknown.Count == 0 && Missing.Count == 0 && Repeated.Count == 0;

    public static ClassSplitCoverage Check(ClassSplit split, IEnumerable<string> classes)
    {
        var known = new HashSet<string>(classes, StringComparer.Ordinal);
        string[] listed = split.Classes.Select(c => c.ClassName).ToArray();
        var inSplit = new HashSet<string>(listed, StringComparer.Ordinal);
        return new ClassSplitCoverage(
            inSplit.Where(c => !known.Contains(c)).Order(StringComparer.Ordinal).ToArray(),
            known.Where(c => !inSplit.Contains(c)).Order(StringComparer.Ordinal).ToArray(),
            listed.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>One line per kind of problem, naming the classes (the first <paramref name="maxNames"/> of each kind).</summary>
    public IEnumerable<string> Problems(int maxNames = 10)
    {
        if (Unknown.Count > 0)
        {
            yield return $"{Unknown.Count} class(es) in the split are not in the annotations: {Names(Unknown, maxNames)}";
        }

        if (Missing.Count > 0)
        {
            yield return $"{Missing.Count} class(es) of the annotations are in no part of the split: {Names(Missing, maxNames)}";
        }

        if (Repeated.Count > 0)
        {
            yield return $"{Repeated.Count} class(es) are listed more than once: {Names(Repeated, maxNames)}";
        }
    }

    private static string Names(IReadOnlyList<string> names, int max) =>
        string.Join(", ", names.Take(max).Select(n => $"'{n}'")) + (names.Count > max ? $" and {names.Count - max} more" : "");
}
