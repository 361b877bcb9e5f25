using System.Diagnostics;

namespace VideoRecognition.Tests.Cli;

/// <summary>Runs the real `vrec` program (built next to the tests) as a child process, as a user would.</summary>
internal static class VrecProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    public static Result Run(params string[] args) => RunIn(RepositoryPaths.TestOutput, args);

    public static Result RunIn(string workingDirectory, params string[] args) => RunWith(new Dictionary<string, string?>(), workingDirectory, args);

    /// <summary>With these variables set (null removes one) in the child's environment.</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.TestOutput, "vrec.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["VREC_DEBUG"] = null;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Guards against a hang only: a busy machine may run a small job many times slower than a quiet one.
        if (!process.WaitForExit(HangGuard.Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"vrec {string.Join(' ', args)} did not finish in {HangGuard.Limit.TotalMinutes} minutes");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts vrec without waiting, for tests that interrupt it (kill -9); output is drained so it never blocks.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.TestOutput, "vrec.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// A refused input: exit code 2, a message on stderr naming each of <paramref name="named"/>, and no stack trace.
    /// </summary>
    public static void AssertRefused(Result result, params string[] named)
    {
        Assert.True(result.ExitCode == 2, result.Output);
        foreach (string name in named)
        {
            Assert.Contains(name, result.Stderr);
        }

        Assert.False(HasStackTrace(result.Output), result.Output);
    }

    /// <summary>True when the text holds a .NET stack trace, which a user must never be shown.</summary>
    public static bool HasStackTrace(string text) =>
        text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception:", StringComparison.Ordinal);
}
