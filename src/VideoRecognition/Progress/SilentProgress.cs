namespace VideoRecognition.Progress;

/// <summary>A reporter that drops everything, for callers that do not watch progress.</summary>
public sealed class SilentProgress : IProgressReporter
{
    public static readonly SilentProgress Instance = new();

    private SilentProgress()
    {
    }

    public IProgressTask Start(string description, long total, string unit) => NoTask.Instance;

    public void Log(LogLevel level, string message)
    {
    }

    private sealed class NoTask : IProgressTask
    {
        public static readonly NoTask Instance = new();

        public void Advance(long count = 1)
        {
        }

        public void Dispose()
        {
        }
    }
}
