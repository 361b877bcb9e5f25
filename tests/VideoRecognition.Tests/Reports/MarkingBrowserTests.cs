using VideoRecognition.Runs;
using System.Text.Json;
using PuppeteerSharp;
using VideoRecognition.Features;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;
using VideoRecognition.Tests.Cli;
using VideoRecognition.Tests.Model;
using VideoRecognition.Tests.Recognition;
using VideoRecognition.Training;

namespace VideoRecognition.Tests.Reports;

/// <summary>
/// The person in the loop, in real headless Chromium (Debian's, driven by PuppeteerSharp through its executable
/// path; nothing is downloaded): marks clicked on a real model's inspection report are saved as a corrections
/// file holding exactly those marks, and that file given to `vrec train --corrections` changes the labels the
/// training uses (its log says how many).
/// </summary>
[Collection(TorchGlobalRandomCollection.Name)]
public sealed class MarkingBrowserTests(RecognitionFixture fixture) : IClassFixture<RecognitionFixture>
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(15);

    [ChromiumFact]
    public async Task Clicked_marks_are_saved_exactly_and_change_the_labels_training_uses()
    {
        string folder = Path.Combine(fixture.Folder, "marking");
        var config = fixture.Data.Config(Path.Combine(fixture.Data.Folder, "run"));
        string[] videos;
        using (var store = FeatureStore.Open(config.Features.Output))
        {
            var baseClasses = TrainedModel.Load(fixture.Checkpoint, store.Manifest, config.Device, RunConfigFile.ModelConfigOf) is var trained ? trained.Classes.ToHashSet() : [];
            trained.Dispose();
            videos = store.Videos.Where(v => baseClasses.Contains(v.Label)).Select(v => v.Id).Take(2).ToArray();
        }

        string index = InspectionJob.Inspect(config, fixture.Checkpoint, videos, Path.Combine(folder, "report"), null, Array.Empty<VideoRecognition.Reports.EvaluationSetting>(), SilentProgress.Instance, CancellationToken.None);
        string downloads = Directory.CreateDirectory(Path.Combine(folder, "downloads")).FullName;
        var expected = new List<(string Video, int Segment, string Kind)>();

        await using (IBrowser browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = (int)HangGuard.TotalMilliseconds,
        }).WaitAsync(HangGuard))
        {
            await using IBrowserContext context = await browser.CreateBrowserContextAsync(new BrowserContextOptions
            {
                DownloadBehavior = new DownloadBehavior { Policy = DownloadPolicy.Allow, DownloadPath = downloads },
            });
            IPage page = await context.NewPageAsync();
            page.DefaultTimeout = (int)HangGuard.TotalMilliseconds;
            foreach (string video in videos)
            {
                string file = Directory.GetFiles(Path.Combine(folder, "report", "videos"), "*.html").Single(f => Path.GetFileNameWithoutExtension(f) == video);
                await page.GoToAsync(new Uri(file).AbsoluteUri);
                foreach (int segment in new[] { 1, 4, 6 })
                {
                    // A kind other than the model's decision, so the mark changes the label training would use.
                    string decision = await page.EvaluateExpressionAsync<string>($"document.getElementById('seg-{segment}').dataset.pseudoLabel");
                    string kind = decision == "NBG" ? "FG" : "NBG";
                    await page.ClickAsync($"#seg-{segment} button.mark[data-kind='{kind}']");
                    expected.Add((video, segment, kind));
                }

                // A second click on the same kind removes the mark.
                await page.ClickAsync("#seg-4 button.mark.on");
                expected.RemoveAll(m => m.Video == video && m.Segment == 4);
                Assert.Equal("", await page.EvaluateExpressionAsync<string>("document.getElementById('seg-4').dataset.mark"));
                Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('button.mark.on').length"));
            }

            Assert.Equal(expected.Count.ToString(), await page.EvaluateExpressionAsync<string>("document.getElementById('mark-count').textContent"));
            await page.ClickAsync("#save-marks");
            string saved = Path.Combine(downloads, "corrections.json");
            for (var clock = System.Diagnostics.Stopwatch.StartNew(); !File.Exists(saved) && clock.Elapsed < HangGuard;)
            {
                await Task.Delay(100);
            }
        }

        string corrections = Path.Combine(downloads, "corrections.json");
        SegmentCorrections read = SegmentCorrections.Read(corrections);
        Assert.Equal(
            expected.OrderBy(m => m.Video, StringComparer.Ordinal).ThenBy(m => m.Segment).Select(m => $"{m.Video}/{m.Segment}/{m.Kind}"),
            read.All.OrderBy(m => m.Video, StringComparer.Ordinal).ThenBy(m => m.Segment).Select(m => $"{m.Video}/{m.Segment}/{m.Kind.ToString().ToUpperInvariant()}"));
        Assert.All(read.All, m => Assert.Equal(8, m.Segments));

        string runFolder = Path.Combine(folder, "corrected-run");
        string configFile = fixture.Data.ConfigFile(runFolder, "train.epochs=3");
        var train = VrecProcess.Run("train", "--config", configFile, "--corrections", corrections);
        Assert.True(train.ExitCode == 0, train.Output);
        Assert.Contains($"{expected.Count} on {videos.Length} base-class training videos", train.Output);
        var epochs = File.ReadLines(Path.Combine(runFolder, "train.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("kind").GetString() == "epoch" && r.GetProperty("epoch").GetInt32() >= 1)
            .ToList();
        Assert.Equal(3, epochs.Count);
        Assert.All(epochs, e => Assert.Equal(expected.Count, e.GetProperty("corrected_segments").GetInt32()));
        Assert.True(epochs.Sum(e => e.GetProperty("corrections_changed").GetInt32()) > 0, "no mark changed a label training used");

        // The inspection report shows which segments a person marked.
        string marked = InspectionJob.Inspect(config, fixture.Checkpoint, videos, Path.Combine(folder, "report-marked"), null, Array.Empty<VideoRecognition.Reports.EvaluationSetting>(), SilentProgress.Instance, CancellationToken.None, read);
        string firstPage = File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "report-marked", "videos"), videos[0] + ".html").Single());
        Assert.Equal(expected.Count(m => m.Video == videos[0]), firstPage.Split("data-given-mark=").Length - 1);
        Assert.True(File.Exists(marked));
        Assert.True(File.Exists(index));
    }
}
