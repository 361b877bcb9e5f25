using System.Diagnostics;

namespace VideoRecognition.Tests.Slurm;

/// <summary>Runs a program (bash scripts, Slurm's commands) as a child process and collects its output.</summary>
internal static class ScriptProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    /// <summary>
    /// Runs <paramref name="program"/> in <paramref name="workingDirectory"/> with these variables added to the
    /// environment. The timeout only guards against a hang: it is generous, and reaching it fails the test.
    /// </summary>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeout}");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
