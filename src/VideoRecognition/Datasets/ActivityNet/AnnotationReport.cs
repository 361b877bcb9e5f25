namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>
/// What validation did to an annotation file: how much was read and kept, how often each problem occurred,
/// and the first messages (each naming the video id) so a user can find the rest in the file.
/// </summary>
public sealed record AnnotationReport(
    int VideosInFile,
    int VideosLoaded,
    int SegmentsInFile,
    int SegmentsLoaded,
    IReadOnlyDictionary<AnnotationIssue, int> IssueCounts,
    IReadOnlyList<string> Messages,
    int MessagesLeftOut)
{
    /// <summary>Every problem, in the order met (<see cref="Messages"/> keeps only the first few).</summary>
    public IReadOnlyList<AnnotationProblem> Problems { get; init; } = [];

    /// <summary>The ids of the videos with at least one problem.</summary>
    public IReadOnlySet<string> VideosWithProblems() =>
        Problems.Where(p => p.VideoId is not null).Select(p => p.VideoId!).ToHashSet(StringComparer.Ordinal);

    public int VideosDropped => VideosInFile - VideosLoaded;

    public int SegmentsDropped => SegmentsInFile - SegmentsLoaded;

    public bool IsClean => IssueCounts.Count == 0;

    public int Count(AnnotationIssue issue) => IssueCounts.GetValueOrDefault(issue);
}
