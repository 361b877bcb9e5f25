namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>Collects the problems found while reading one annotation file into an <see cref="AnnotationReport"/>.</summary>
internal sealed class AnnotationProblems(int maxMessages)
{
    private readonly Dictionary<AnnotationIssue, int> _counts = [];
    private readonly List<string> _messages = [];
    private readonly List<AnnotationProblem> _problems = [];
    private int _leftOut;

    /// <summary>Counts a problem of the video <paramref name="videoId"/> (null: a line of a side file); <paramref name="routine"/> marks one that needs no attention.</summary>
    public void Add(AnnotationIssue issue, string? videoId, string message, bool routine = false)
    {
        _counts[issue] = _counts.GetValueOrDefault(issue) + 1;
        _problems.Add(new AnnotationProblem(issue, videoId, message, routine));
        if (_messages.Count < maxMessages)
        {
            _messages.Add(message);
        }
        else
        {
            _leftOut++;
        }
    }

    public AnnotationReport Report(int videosInFile, int videosLoaded, int segmentsInFile, int segmentsLoaded) =>
        new(videosInFile, videosLoaded, segmentsInFile, segmentsLoaded,
            new SortedDictionary<AnnotationIssue, int>(_counts), _messages.ToArray(), _leftOut) { Problems = _problems.ToArray() };
}
