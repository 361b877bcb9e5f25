using VideoRecognition.Cli.Rendering;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;
using VideoRecognition.Runs;

namespace VideoRecognition.Cli.Commands;

/// <summary>What every command that trains does first, before libtorch runs: the engine's oneDNN guard, its notice in the log.</summary>
internal static class BackwardPassGuard
{
    public static void Apply(RunConfig config)
    {
        if (TrainingJob.ProtectBackwardPass(config) is { } notice)
        {
            ConsoleReporter.WriteLog(LogLevel.Info, notice);
        }
    }
}
