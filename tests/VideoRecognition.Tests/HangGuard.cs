namespace VideoRecognition.Tests;

/// <summary>
/// The one time limit tests use: it only stops a hung child process or wait loop. It is far above what any
/// step takes even on a busy machine, because a test must never fail for being slow (speed is measured by
/// `vrec bench`, not by tests).
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);
}
