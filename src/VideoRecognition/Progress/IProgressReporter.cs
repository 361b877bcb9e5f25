namespace VideoRecognition.Progress;

/// <summary>
/// How the engine tells its caller what it is doing. The engine never writes to the console;
/// the command line renders these calls as log lines and progress bars, tests record them.
/// </summary>
public interface IProgressReporter
{
    /// <summary>Starts a countable piece of work (videos, segments, steps) of known size.</summary>
    IProgressTask Start(string description, long total, string unit);

    void Log(LogLevel level, string message);
}

/// <summary>One running piece of work; disposing it marks it finished.</summary>
public interface IProgressTask : IDisposable
{
    void Advance(long count = 1);
}

public enum LogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}
