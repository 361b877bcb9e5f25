using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.Runtime;

namespace VideoRecognition.Training;

/// <summary>
/// The videos training may see: those of the split's base classes that have features, each with its class
/// index (classes in ordinal order, so the index of a class never depends on the store's order).
/// </summary>
public sealed record BaseClassSet(IReadOnlyList<string> Classes, IReadOnlyList<int> Positions, IReadOnlyList<int> Labels)
{
    public static BaseClassSet From(FeatureStore store, ClassSplit split, string splitPath)
    {
        var classes = split.ClassesIn(SplitPart.Base).Order(StringComparer.Ordinal).ToList();
        var index = classes.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var positions = new List<int>();
        var labels = new List<int>();
        for (int p = 0; p < store.Videos.Count; p++)
        {
            if (index.TryGetValue(store.Videos[p].Label, out int label))
            {
                positions.Add(p);
                labels.Add(label);
            }
        }

        int present = labels.Distinct().Count();
        if (positions.Count == 0 || present < 2)
        {
            throw new BadInputException(
                $"nothing to train on: the base classes of {splitPath} ({classes.Count} classes) have {positions.Count} videos in the feature store {store.Layout.Folder}, " +
                $"covering {present} class(es); training needs videos of at least 2 base classes. Check that data.splits belongs to the dataset the features were extracted from.");
        }

        return new BaseClassSet(classes, positions, labels);
    }
}
