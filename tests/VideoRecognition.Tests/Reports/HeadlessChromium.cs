using System.Diagnostics;

namespace VideoRecognition.Tests.Reports;

/// <summary>What one headless Chromium run gave: its exit code, standard output (the DOM when dumped) and log.</summary>
public sealed record ChromiumRun(int ExitCode, string Output, string Log);

/// <summary>
/// Runs headless Chromium on a file:// page with a fresh profile, no network services and its console log on
/// stderr, so a test sees script errors and failed loads of the page exactly as a reader's browser would.
/// </summary>
public static class HeadlessChromium
{
    private static readonly TimeSpan Limit = HangGuard.Limit; // a hang guard, not a speed check

    public static ChromiumRun Screenshot(string page, string png, int height = 900) => Run(page, $"--screenshot={png}", height);

    public static ChromiumRun DumpDom(string page) => Run(page, "--dump-dom", 900);

    private static ChromiumRun Run(string page, string action, int height)
    {
        string profile = Directory.CreateTempSubdirectory("vrec-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(ChromiumFactAttribute.Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                $"--user-data-dir={profile}", $"--window-size=1280,{height}", action, new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> log = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish {page} within {Limit.TotalSeconds} s; log:\n{log.Result}");
            }

            process.WaitForExit();
            return new ChromiumRun(process.ExitCode, output.Result, log.Result);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers can outlive it by a moment; a leftover temp profile is harmless.
            }
        }
    }
}
