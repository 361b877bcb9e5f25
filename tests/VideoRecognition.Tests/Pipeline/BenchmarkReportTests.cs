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

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
