using OpenCvSharp;

namespace VideoRecognition.Tests.Reports;

/// <summary>
/// Opens the sample report in a real headless browser: the pages render (a screenshot that is not blank),
/// load without script errors or missing files, and the DOM holds the segments and labels. Set
/// VREC_REPORT_SCREENSHOTS to a folder to keep the screenshots for a look.
/// </summary>
public sealed class ReportBrowserTests(SampleReport report) : IClassFixture<SampleReport>
{
    private static readonly string[] LoadErrors = ["Uncaught", "Failed to load resource", "net::ERR_FILE_NOT_FOUND", "Not allowed to load local resource"];

    [ChromiumFact]
    public void The_index_renders_and_loads_cleanly() => RendersCleanly(report.IndexPath, "index.png");

    [ChromiumFact]
    public void A_video_page_renders_and_loads_cleanly() => RendersCleanly(report.PageOf("v_clip_001"), "video.png");

    [ChromiumFact]
    public void The_index_dom_lists_every_video_with_its_timeline()
    {
        ChromiumRun run = HeadlessChromium.DumpDom(report.IndexPath);
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Equal(3, Count(run.Output, "<tr class=\"video\""));
        Assert.Equal(3, Count(run.Output, "<a class=\"mini\""));
        Assert.Equal(6, Count(run.Output, "<figure>")); // losses, accuracy, precision, recall, detector AUROC, self-weights
        Assert.DoesNotContain("<script", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", run.Output, StringComparison.Ordinal);
        NoLoadErrors(run);
    }

    [ChromiumFact]
    public void The_video_page_dom_has_every_segment_with_its_pseudo_label_and_truth()
    {
        ChromiumRun run = HeadlessChromium.DumpDom(report.PageOf("v_clip_001"));
        Assert.True(run.ExitCode == 0, run.Log);
        foreach (var (index, label) in new[] { (0, "NBG"), (1, "NBG"), (2, "FG"), (3, "FG"), (4, "IBG"), (5, "IBG") })
        {
            Assert.Contains($"<tr id=\"seg-{index}\" class=\"segment\" data-pseudo-label=\"{label}\"", run.Output, StringComparison.Ordinal);
        }

        Assert.Equal(6 * 3, Count(run.Output, "<a class=\"seg "));
        Assert.Equal(6, Count(run.Output, "<img class=\"thumb\""));
        Assert.Equal(5, Count(run.Output, "agrees</span>"));
        Assert.Equal(1, Count(run.Output, "differs</span>"));
        NoLoadErrors(run);
    }

    [ChromiumFact]
    public void A_missing_thumbnail_is_caught_by_the_browser_checks()
    {
        // Proves the checks above can fail: headless Chromium does not log failed file:// image loads by itself.
        using var folder = new TempFolder();
        string index = VideoRecognition.Reports.InspectionReport.Write(folder.Path, [report.Videos[0]], null, [], VideoRecognition.Progress.SilentProgress.Instance);
        string page = Directory.GetFiles(folder["videos"], "*.html").Single();
        File.Delete(Directory.GetFiles(folder["videos"], "0002.jpg", SearchOption.AllDirectories).Single());
        ChromiumRun run = HeadlessChromium.DumpDom(page);
        Assert.Contains("Failed to load resource", run.Log, StringComparison.Ordinal);
        Assert.Contains("0002.jpg", run.Log, StringComparison.Ordinal);
        Assert.Single(MissingImages(run.Output));
        Assert.True(File.Exists(index));
    }

    private void RendersCleanly(string page, string name)
    {
        string png = Path.Combine(report.Folder, name);
        ChromiumRun run = HeadlessChromium.Screenshot(page, png);
        Assert.True(run.ExitCode == 0, $"chromium exited {run.ExitCode}:\n{run.Log}");
        Assert.True(File.Exists(png), $"no screenshot; log:\n{run.Log}");
        using (Mat shot = Cv2.ImRead(png))
        {
            Assert.Equal((1280, 900), (shot.Cols, shot.Rows));
            Cv2.MeanStdDev(shot, out _, out Scalar std);
            Assert.True(std.Val0 > 15, $"the screenshot of {page} looks blank (std {std.Val0:F1})");
        }

        NoLoadErrors(run);
        if (Environment.GetEnvironmentVariable("VREC_REPORT_SCREENSHOTS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(png, Path.Combine(keep, name), overwrite: true);
            HeadlessChromium.Screenshot(page, Path.Combine(keep, "full-" + name), height: 2400);
        }
    }

    private static IEnumerable<string> MissingImages(string dom) =>
        System.Text.RegularExpressions.Regex.Matches(dom, "<img[^>]*class=\"[^\"]*\\bmissing\\b[^>]*>").Select(m => m.Value);

    private static void NoLoadErrors(ChromiumRun run)
    {
        Assert.Empty(MissingImages(run.Output));
        foreach (string error in LoadErrors)
        {
            Assert.False(run.Log.Contains(error, StringComparison.Ordinal), $"'{error}' in chromium's log:\n{run.Log}");
        }
    }

    private static int Count(string text, string what)
    {
        int count = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
