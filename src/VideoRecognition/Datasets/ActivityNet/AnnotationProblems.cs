namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>Collects the problems found while reading one annotation file into an <see cref="AnnotationReport"/>.</summary>
internal sealed class AnnotationProblems(int maxMessages)
{
    private readonly Dictionary<AnnotationIssue, int> counts = [];
    private readonly List<string> messages = [];
    private readonly List<AnnotationProblem> problems = [];
    private int leftOut;

    /// <summary>Counts a problem of the video <paramref name="videoId"/> (null: a line of a side file); <paramref name="routine"/> marks one that needs no attention.</summary>
    public void Add(AnnotationIssue issue, string? videoId, string message, bool routine = false)
    {
        counts[issue] = counts.GetValueOrDefault(issue) + 1;
        problems.Add(new AnnotationProblem(issue, videoId, message, routine));
        if (messages.Count < maxMessages)
        {
            messages.Add(message);
        }
        else
        {
            leftOut++;
        }
    }

    public AnnotationReport Report(int videosInFile, int videosLoaded, int segmentsInFile, int segmentsLoaded) =>
        new(videosInFile, videosLoaded, segmentsInFile, segmentsLoaded,
            new SortedDictionary<AnnotationIssue, int>(counts), messages.ToArray(), leftOut) { Problems = problems.ToArray() };
}
