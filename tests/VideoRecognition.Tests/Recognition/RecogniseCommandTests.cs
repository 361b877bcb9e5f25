using System.Text.Json;
using VideoRecognition.Tests.Cli;
using VideoRecognition.Tests.Model;
using Xunit.Abstractions;

namespace VideoRecognition.Tests.Recognition;

/// <summary>
/// `vrec recognise` end to end through the real command line, on a real trained model and real video files:
/// 3-shot support folders of held-out novel classes, queries of those classes and of classes outside the support set.
/// </summary>
[Collection(TorchGlobalRandomCollection.Name)]
public sealed class RecogniseCommandTests(RecognitionFixture fixture, ITestOutputHelper output) : IClassFixture<RecognitionFixture>
{
    [Fact]
    public void Recognises_held_out_novel_classes_and_writes_scores_results_and_report()
    {
        string folder = Path.Combine(fixture.Folder, "out-synthetic");
        var run = VrecProcess.Run("recognise", "--config", fixture.ConfigFile, "--checkpoint", fixture.Checkpoint,
            "--support", fixture.SupportFolder, "--queries", fixture.QueryList, "--out", folder);
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Top-1 accuracy", run.Stdout);
        Assert.Contains("Mean span tIoU", run.Stdout);
        Assert.Contains("\"none of these\"", run.Stdout);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "recognition.json")));
        JsonElement root = json.RootElement;
        Assert.Equal(fixture.NovelClasses.Order(StringComparer.Ordinal), root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(3 * fixture.NovelClasses.Count, root.GetProperty("support").GetArrayLength());
        var queries = root.GetProperty("queries").EnumerateArray().ToList();
        Assert.Equal(File.ReadAllLines(fixture.QueryList).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count(), queries.Count);
        JsonElement score = root.GetProperty("score");
        Assert.Equal(3 * fixture.NovelClasses.Count, score.GetProperty("known_queries").GetInt32());
        Assert.Equal(6 * fixture.OtherClasses.Count, score.GetProperty("unknown_queries").GetInt32());
        Assert.InRange(score.GetProperty("top1_accuracy").GetDouble(), 0.0, 1.0);
        Assert.InRange(score.GetProperty("mean_tiou").GetDouble(), 0.0, 1.0);
        output.WriteLine($"top-1 {score.GetProperty("top1_accuracy").GetDouble():P1}, tIoU {score.GetProperty("mean_tiou").GetDouble():F3}, " +
            $"none-of-these: unknown {score.GetProperty("none_rate_unknown").GetDouble():P1}, known {score.GetProperty("none_rate_known").GetDouble():P1}, threshold {root.GetProperty("open_set_threshold").GetDouble():F3}");

        foreach (JsonElement q in queries)
        {
            bool none = q.GetProperty("none_of_these").GetBoolean();
            Assert.Equal(none ? "none of these" : q.GetProperty("ranked")[0].GetProperty("label").GetString(), q.GetProperty("answer").GetString());
            Assert.Equal(none, q.GetProperty("ranked")[0].GetProperty("score").GetDouble() < root.GetProperty("open_set_threshold").GetDouble());
            foreach (JsonElement s in q.GetProperty("segments").EnumerateArray())
            {
                // The detector's background is never shown as the action, and a "none of these" query has no FG at all.
                if (s.GetProperty("p_background").GetDouble() >= 0.5 || none)
                {
                    Assert.NotEqual("FG", s.GetProperty("decision").GetString());
                }
            }
        }

        using var detection = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results-detection.json")));
        Assert.Equal(queries.Count, detection.RootElement.GetProperty("results").EnumerateObject().Count());
        // The official files key videos by the bare id, however the query file was named (v_<id>.mp4 here).
        Assert.Equal(
            queries.Select(q => VideoRecognition.Datasets.ActivityNet.AnnotatedVideo.StripPrefix(q.GetProperty("id").GetString()!)).Order(StringComparer.Ordinal),
            detection.RootElement.GetProperty("results").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(detection.RootElement.GetProperty("results").EnumerateObject(), p => p.Name.StartsWith("v_", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, "results-classification.json")));
        string report = Path.Combine(folder, "report");
        Assert.True(File.Exists(Path.Combine(report, "index.html")));
        Assert.Equal(queries.Count, Directory.GetFiles(Path.Combine(report, "videos"), "*.html").Length);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(report, "videos", "thumbs", "support"), "*.jpg"));
        string page = File.ReadAllText(Directory.GetFiles(Path.Combine(report, "videos"), "*.html")[0]);
        Assert.Contains("<h2>Support videos</h2>", page);
        Assert.Contains("class=\"support-video\"", page);
    }

    [Fact]
    public void Held_out_novel_classes_make_their_own_support_folders_and_queries_and_are_scored_against_chance()
    {
        string folder = Path.Combine(fixture.Folder, "out-held-out");
        string[] args = ["recognise", "--config", fixture.ConfigFile, "--checkpoint", fixture.Checkpoint, "--held-out-novel", "--shots", "3", "--out", folder];
        var run = VrecProcess.Run(args);
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Top-1 accuracy", run.Stdout);
        Assert.Contains("Chance level of both", run.Stdout);

        string support = Path.Combine(folder, "held-out", "support");
        var supportClasses = Directory.GetDirectories(support).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal((fixture.NovelClasses.Count + 1) / 2, supportClasses.Count);
        Assert.Subset(fixture.NovelClasses.ToHashSet(), supportClasses.ToHashSet()!);
        Assert.All(supportClasses, c => Assert.Equal(3, Directory.GetFiles(Path.Combine(support, c!)).Length));
        var supportVideos = supportClasses.SelectMany(c => Directory.GetFiles(Path.Combine(support, c!)).Select(Path.GetFileName)).ToHashSet();

        string queryList = Path.Combine(folder, "held-out", "queries.csv");
        var queries = File.ReadAllLines(queryList).Skip(1).Select(l => l.Split(',')).Select(c => (Video: Path.GetFileName(c[0]), Class: c[1])).Distinct().ToList();
        Assert.DoesNotContain(queries, q => supportVideos.Contains(q.Video));
        Assert.Equal(fixture.NovelClasses.Order(StringComparer.Ordinal), queries.Select(q => q.Class).Distinct().Order(StringComparer.Ordinal));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "recognition.json")));
        JsonElement root = json.RootElement;
        Assert.Equal(supportClasses, root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        JsonElement score = root.GetProperty("score");
        int known = queries.Count(q => supportClasses.Contains(q.Class));
        Assert.Equal(known, score.GetProperty("known_queries").GetInt32());
        Assert.Equal(queries.Count - known, score.GetProperty("unknown_queries").GetInt32());
        Assert.Equal(1.0 / supportClasses.Count, score.GetProperty("top1_chance").GetDouble(), 6);
        int none = root.GetProperty("queries").EnumerateArray().Count(q => q.GetProperty("none_of_these").GetBoolean());
        Assert.Equal(none / (double)queries.Count, score.GetProperty("none_rate_chance").GetDouble(), 6);

        // The same seed draws the same classes and videos again.
        string list = File.ReadAllText(queryList);
        var again = VrecProcess.Run(args);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(list, File.ReadAllText(queryList));

        var both = VrecProcess.Run([.. args, "--support", fixture.SupportFolder]);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--held-out-novel", both.Stderr);
    }

    [Fact]
    public void A_second_run_reads_the_cached_features_and_gives_the_same_answers()
    {
        string first = Path.Combine(fixture.Folder, "out-first");
        string second = Path.Combine(fixture.Folder, "out-second");
        foreach (string folder in new[] { first, second })
        {
            var run = VrecProcess.Run("recognise", "--config", fixture.ConfigFile, "--checkpoint", fixture.Checkpoint,
                "--support", fixture.SupportFolder, "--queries", fixture.QueryList, "--out", folder);
            Assert.True(run.ExitCode == 0, run.Output);
        }

        Assert.Equal(File.ReadAllText(Path.Combine(first, "recognition.json")), File.ReadAllText(Path.Combine(second, "recognition.json")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(fixture.Folder, "cache", "features"), "*.f32", SearchOption.AllDirectories));
    }

    [Fact]
    public void Bad_query_files_are_reported_and_skipped()
    {
        string broken = Path.Combine(fixture.Folder, "broken.mp4");
        File.WriteAllText(broken, "this is not a video");
        string list = Path.Combine(fixture.Folder, "queries-with-bad.csv");
        File.WriteAllLines(list, [.. File.ReadAllLines(fixture.QueryList).Take(3), $"{broken},", $"{Path.Combine(fixture.Folder, "missing.mp4")},"]);
        string folder = Path.Combine(fixture.Folder, "out-bad");
        var run = VrecProcess.Run("recognise", "--config", fixture.ConfigFile, "--checkpoint", fixture.Checkpoint,
            "--support", fixture.SupportFolder, "--queries", list, "--out", folder);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("skipped", run.Stdout);
        Assert.Contains("broken.mp4", run.Stdout);
        Assert.Contains("missing.mp4", run.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "recognition.json")));
        Assert.Equal(2, json.RootElement.GetProperty("skipped").GetArrayLength());
        Assert.Equal(2, json.RootElement.GetProperty("queries").GetArrayLength());
    }

    [Theory]
    [InlineData("support", "does-not-exist")]
    [InlineData("queries", "does-not-exist.csv")]
    [InlineData("checkpoint", "no-checkpoint")]
    public void A_missing_input_is_a_usage_error_naming_it(string which, string name)
    {
        string missing = Path.Combine(fixture.Folder, name);
        var run = VrecProcess.Run("recognise", "--config", fixture.ConfigFile,
            "--checkpoint", which == "checkpoint" ? missing : fixture.Checkpoint,
            "--support", which == "support" ? missing : fixture.SupportFolder,
            "--queries", which == "queries" ? missing : fixture.QueryList,
            "--out", Path.Combine(fixture.Folder, "out-missing"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(name, run.Output);
        Assert.False(VrecProcess.HasStackTrace(run.Output), run.Output);
    }
}
