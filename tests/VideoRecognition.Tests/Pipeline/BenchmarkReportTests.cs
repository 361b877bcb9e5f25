using System.Text.Json;
using VideoRecognition.Features;
using VideoRecognition.FewShot;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Pipeline;

/// <summary>
/// The JSON files of `vrec bench ...`, as the engine writes them: the keys are those of the files behind the
/// README's "Measured speed" figures (mixed spellings included), so a renamed property shows here first.
/// </summary>
public sealed class BenchmarkReportTests
{
    private static readonly MachineDescription Machine = new("test cpu", 2, "8", "test os", ".NET test", 2, "glibc default");

    private static readonly string[] MachineKeys = ["Cpu", "Cores", "MemoryGiB", "Os", "Dotnet", "TorchThreads", "Allocator"];

    [Fact]
    public void Bench_train_writes_its_shape_and_one_entry_per_epoch()
    {
        using var temp = new TempFolder();
        RunConfig config = RunConfigFile.LoadEmbedded("synthetic.yaml");
        config = config with { Train = config.Train with { Epochs = 2 } };

        var report = TrainingBenchmark.Run(config, 10, 2, config.Video.Segments, 4, temp.Path, SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(temp["bench-train.json"], report.JsonFile);
        using var json = JsonDocument.Parse(File.ReadAllText(report.JsonFile));
        JsonElement root = json.RootElement;
        Assert.Equal(["machine", "Count", "Classes", "Dimension", "segments", "batch", "epochs"], Keys(root));
        Assert.Equal(MachineKeys, Keys(root.GetProperty("machine")));
        Assert.Equal(10, root.GetProperty("Count").GetInt32());
        Assert.Equal(config.Video.Segments, root.GetProperty("segments").GetInt32());
        Assert.Equal(config.Train.BatchSize, root.GetProperty("batch").GetInt32());
        JsonElement epochs = root.GetProperty("epochs");
        Assert.Equal(2, epochs.GetArrayLength());
        Assert.Equal(["Epoch", "Seconds", "VideosPerSecond", "SegmentsPerSecond", "ResidentMemoryMiB"], Keys(epochs[0]));
        Assert.Equal([1, 2], epochs.EnumerateArray().Select(e => e.GetProperty("Epoch").GetInt32()));
        Assert.Equal(2, report.Tables.Single().Grid.Rows.Count);
        Assert.Contains("| epoch | seconds |", report.Markdown(), StringComparison.Ordinal);
        Assert.Contains(report.Lines, l => l.StartsWith("resident memory, last epoch vs first", StringComparison.Ordinal));
    }

    [Fact]
    public void Bench_eval_writes_the_setting_and_both_times()
    {
        using var temp = new TempFolder();
        var eval = new EvaluationConfig { Way = 5, Shot = 1, Query = 5, Episodes = 20 };

        var report = FewShotBenchmarkReport.Run(eval, Seed.From(1), 16, temp.Path);

        using var json = JsonDocument.Parse(File.ReadAllText(temp["bench-eval.json"]));
        JsonElement root = json.RootElement;
        Assert.Equal(
            ["machine", "episodes", "way", "shot", "query", "classifier", "dimension", "sampling_seconds", "evaluation_seconds", "episodes_per_second", "accuracy"],
            Keys(root));
        Assert.Equal(20, root.GetProperty("episodes").GetInt32());
        Assert.Equal(1, root.GetProperty("shot").GetInt32());
        Assert.Equal(16, root.GetProperty("dimension").GetInt32());
        Assert.Equal(report.Result.Accuracy, root.GetProperty("accuracy").GetDouble());
        Assert.Equal("5-way 1-shot, 5 queries", report.Tables.Single().Grid.Rows.Single()[1]);
    }

    [Fact]
    public void Bench_import_writes_the_machine_and_the_whole_result_under_its_format()
    {
        using var temp = new TempFolder();
        var result = new ImportBenchmarkResult("npy", 200, 4632, 2048, 0.5, 0, 2, 200, 6, 73, [58, 60], 3.2, 100, 0.3, 2, 0.9);

        var report = ImportBenchmark.Report(result, Machine, temp.Path);

        Assert.Equal(temp["bench-import-npy.json"], report.JsonFile);
        using var json = JsonDocument.Parse(File.ReadAllText(report.JsonFile));
        JsonElement root = json.RootElement;
        Assert.Equal(["machine", "result"], Keys(root));
        Assert.Equal(MachineKeys, Keys(root.GetProperty("machine")));
        Assert.Equal(
            ["Format", "Videos", "Rows", "Dimension", "SourceGiB", "GenerateSeconds", "ImportSeconds", "Imported", "StoreMiB", "PeakResidentMiB",
             "ResidentMiBPerTenth", "TrainEpochSeconds", "TrainVideos", "EpisodesSeconds", "Episodes", "Accuracy", "VideosPerSecond", "SourceMiBPerSecond"],
            Keys(root.GetProperty("result")));
        Assert.Equal(100, root.GetProperty("result").GetProperty("VideosPerSecond").GetDouble(), 9);
        string[] import = report.Tables.Single().Grid.Rows.Single(r => r[0] == "import").ToArray();
        Assert.StartsWith("2.0 s (0.0 min): 100 videos/s", import[1], StringComparison.Ordinal);
        Assert.Contains("| feature set | 0.50 GiB, reused |", report.Markdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_extract_writes_stages_profile_rounds_and_the_medians_that_exist()
    {
        using var temp = new TempFolder();
        var vrec = new ExtractionSummary(12, 12, 0, 0, 96, TimeSpan.FromSeconds(2), TimeSpan.Zero, TimeSpan.Zero)
        {
            Stages = [new StageTime(ExtractionStage.Forward, TimeSpan.FromSeconds(1.5), 3)],
        };
        var stages = new ExtractionBenchmarkResult([new StageThroughput("overlapped extraction", 12, 96, TimeSpan.FromSeconds(2))], vrec);
        var comparison = new ExtractionComparison(stages, [new ComparisonRound(false, 1, vrec, new PeerThroughput(12, 4, 3, "2.5"))]);
        RunConfig config = RunConfigFile.LoadEmbedded("synthetic.yaml");

        var report = ExtractionBenchmarkReport.Report(comparison, config, ["a note"], Machine, "1.00 0.50 0.25", temp.Path);

        using var json = JsonDocument.Parse(File.ReadAllText(temp["bench-extract.json"]));
        JsonElement root = json.RootElement;
        Assert.Equal(
            ["machine", "load_average_before", "load_average_after", "backbone", "input_size", "notes", "stages", "profile", "rounds", "quiet", "busy", "busy_over_quiet"],
            Keys(root));
        Assert.Equal("1.00 0.50 0.25", root.GetProperty("load_average_before").GetString());
        Assert.Equal(["a note"], root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["Stage", "Videos", "Segments", "seconds", "VideosPerSecond", "SegmentsPerSecond"], Keys(root.GetProperty("stages")[0]));
        JsonElement profile = root.GetProperty("profile").EnumerateArray().Single();
        Assert.Equal(["stage", "seconds", "Count", "ms_per_video"], Keys(profile));
        Assert.Equal("forward", profile.GetProperty("stage").GetString());
        Assert.Equal(125, profile.GetProperty("ms_per_video").GetDouble(), 9);
        JsonElement round = root.GetProperty("rounds").EnumerateArray().Single();
        Assert.Equal(["load", "Round", "vrec_videos_per_s", "peer_videos_per_s", "peer_torch", "ratio"], Keys(round));
        Assert.Equal(2, round.GetProperty("ratio").GetDouble(), 9); // 6 videos/s against the peer's 3
        Assert.Equal(["vrec", "peer", "ratio"], Keys(root.GetProperty("quiet")));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("busy").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("busy_over_quiet").ValueKind);
        Assert.Equal(3, report.Tables.Count); // stages, profile (with its wall row), rounds
        Assert.Equal("wall", report.Tables[1].Grid.Rows[^1][0]);
        Assert.Contains("quiet (median of 1): vrec 6.00 videos/s, peer 3.00 videos/s, vrec/peer 2.00x", report.Lines);
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
