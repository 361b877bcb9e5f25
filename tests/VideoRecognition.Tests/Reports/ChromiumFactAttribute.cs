namespace VideoRecognition.Tests.Reports;

/// <summary>
/// A test that opens pages in headless Chromium. Skipped, with the reason, where /usr/bin/chromium is missing;
/// scripts/setup.sh installs it, so on CI and set-up machines it runs.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
        {
            Skip = $"needs {Executable} (Debian package 'chromium', installed by scripts/setup.sh); it is not on this machine";
        }
    }
}
