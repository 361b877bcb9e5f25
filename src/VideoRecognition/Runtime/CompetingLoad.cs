using System.Diagnostics;

namespace VideoRecognition.Runtime;

/// <summary>
/// One CPU-bound process (a shell spinning in a loop), started for a benchmark's "busy machine" measurement
/// and ended, by its own process id, when disposed.
/// </summary>
public sealed class CompetingLoad : IDisposable
{
    private readonly Process process;

    private CompetingLoad(Process process) => this.process = process;

    public int ProcessId => process.Id;

    public bool IsRunning => !process.HasExited;

    public static CompetingLoad Start()
    {
        var info = new ProcessStartInfo("sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("while :; do :; done");
        return new CompetingLoad(Process.Start(info) ?? throw new InvalidOperationException("could not start the competing process"));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
