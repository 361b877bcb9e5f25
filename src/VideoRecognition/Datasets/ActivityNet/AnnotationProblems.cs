namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>Collects the problems found while reading one annotation file into an <see cref="AnnotationReport"/>.</summary>
internal sealed class AnnotationProblems(int maxMessages)
{
    private readonly Dictionary<AnnotationIssue, int> _counts = [];
    private readonly List<string> _messages = [];
    private int _leftOut;

    public void Add(AnnotationIssue issue, string message)
    {
        _counts[issue] = _counts.GetValueOrDefault(issue) + 1;
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
            new SortedDictionary<AnnotationIssue, int>(_counts), _messages.ToArray(), _leftOut);
}
