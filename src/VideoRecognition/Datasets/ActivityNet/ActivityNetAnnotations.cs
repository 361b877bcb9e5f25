namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>
/// An ActivityNet annotation file in memory, whichever layout it came in: the classes, the videos that
/// passed validation (by ordinal id) and the report of what was dropped or clamped.
/// </summary>
/// <param name="SourcePath">The file as given.</param>
/// <param name="Layout">The layout detected from the content.</param>
/// <param name="Version">The official file's version ("VERSION 1.3"); null for the proposal layout.</param>
/// <param name="Classes">The class names, ordinally sorted (see <see cref="AnnotationReadOptions.Classes"/>).</param>
/// <param name="Videos">The videos that passed validation, by ordinal id.</param>
/// <param name="Report">What was dropped or clamped, and why.</param>
public sealed record ActivityNetAnnotations(
    string SourcePath,
    AnnotationLayout Layout,
    string? Version,
    IReadOnlyList<string> Classes,
    IReadOnlyList<AnnotatedVideo> Videos,
    AnnotationReport Report)
{
    /// <summary>Videos per subset; videos without a known subset count under "unknown".</summary>
    public IReadOnlyDictionary<string, int> CountBySubset() =>
        Videos.GroupBy(v => v.Subset ?? "unknown")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
