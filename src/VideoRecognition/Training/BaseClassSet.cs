using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.Runtime;

namespace VideoRecognition.Training;

/// <summary>
/// The videos training may see: those of the split's base classes among the videos of a batch source, each
/// with its class index (classes in ordinal order, so the index of a class never depends on the source's order).
/// Positions index the source's video list.
/// </summary>
public sealed record BaseClassSet(IReadOnlyList<string> Classes, IReadOnlyList<int> Positions, IReadOnlyList<int> Labels)
{
    public static BaseClassSet From(FeatureStore store, ClassSplit split, string splitPath) =>
        From(store.Videos.Select(v => v.Label).ToList(), split, splitPath, $"the feature store {store.Layout.Folder}");

    /// <summary>
    /// From the class name of every video a source holds, in its order; <paramref name="where"/> names the
    /// source in the error message, e.g. "the feature store data/features".
    /// </summary>
    public static BaseClassSet From(IReadOnlyList<string> videoLabels, ClassSplit split, string splitPath, string where)
    {
        var classes = split.ClassesIn(SplitPart.Base).Order(StringComparer.Ordinal).ToList();
        var index = classes.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var positions = new List<int>();
        var labels = new List<int>();
        for (int p = 0; p < videoLabels.Count; p++)
        {
            if (index.TryGetValue(videoLabels[p], out int label))
            {
                positions.Add(p);
                labels.Add(label);
            }
        }

        int present = labels.Distinct().Count();
        if (positions.Count == 0 || present < 2)
        {
            throw new BadInputException(
                $"nothing to train on: the base classes of {splitPath} ({classes.Count} classes) have {positions.Count} videos in {where}, " +
                $"covering {present} class(es); training needs videos of at least 2 base classes. Check that data.splits belongs to the dataset the videos come from.");
        }

        return new BaseClassSet(classes, positions, labels);
    }
}
