using VideoRecognition.Datasets;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Runtime;

namespace VideoRecognition.Pipeline;

/// <summary>`vrec split`: a seeded few-shot class split drawn from an annotation file's classes, or a given split checked against them.</summary>
public static class SplitJob
{
    /// <summary>Draws the split and writes it, with a header saying how to draw it again.</summary>
    public static ClassSplit Draw(ActivityNetAnnotations annotations, string annotationsPath, string shares, int seed, string output)
    {
        ClassSplitShares parsed = ClassSplitShares.Parse(shares, annotations.Classes.Count, "--shares");
        ClassSplit split = SeededClassSplit.Draw(annotations.Classes, parsed, seed);
        split.Write(output, SeededClassSplit.Header(seed, annotationsPath, parsed, split));
        return split;
    }

    /// <summary>The split in <paramref name="splitPath"/>, refused unless it holds every class of the annotations exactly once.</summary>
    public static ClassSplit Check(ActivityNetAnnotations annotations, string annotationsPath, string splitPath)
    {
        ClassSplit given = ClassSplit.Read(splitPath);
        ClassSplitCoverage coverage = ClassSplitCoverage.Check(given, annotations.Classes);
        return coverage.IsExact
            ? given
            : throw new BadInputException($"Class split file '{splitPath}' does not fit the {annotations.Classes.Count} classes of '{annotationsPath}': "
                + string.Join("; ", coverage.Problems()) + ".");
    }
}
