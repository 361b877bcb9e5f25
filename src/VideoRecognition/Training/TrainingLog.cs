using System.Text.Json;
using TorchSharp.Modules;
using static TorchSharp.torch.utils.tensorboard;

namespace VideoRecognition.Training;

/// <summary>
/// Where training numbers go besides the console: train.jsonl (one JSON object per logged step and per
/// epoch, for scripts and the report) and TensorBoard event files (tensorboard/). On resume the lines past
/// the resumed epoch are dropped, so the log describes exactly the weights that exist.
/// </summary>
public sealed class TrainingLog : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly StreamWriter lines;
    private readonly SummaryWriter board;

    public TrainingLog(string runFolder, int resumedAfterEpoch)
    {
        var layout = new RunLayout(runFolder);
        Path = layout.TrainingLog;
        KeepUpTo(Path, resumedAfterEpoch);
        lines = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        board = SummaryWriter(layout.TensorBoard);
    }

    public string Path { get; }

    public void Write(TrainingRecord record)
    {
        lines.WriteLine(JsonSerializer.Serialize(record, Json));
        string prefix = record.Kind == "epoch" ? "epoch/" : "step/";
        int x = record.Kind == "epoch" ? record.Epoch : (int)record.Step;
        foreach (var (name, value) in record.Scalars())
        {
            board.add_scalar(prefix + name, (float)value, x);
        }
    }

    public static IReadOnlyList<TrainingRecord> Read(string path) =>
        File.Exists(path)
            ? File.ReadLines(path).Select(l => JsonSerializer.Deserialize<TrainingRecord>(l, Json)!).ToList()
            : [];

    /// <summary>
    /// Every number on the last epoch line of a train.jsonl, by its JSON name; empty without a log or an epoch.
    /// Read by name rather than through <see cref="TrainingRecord"/> so that readers (a study across seeds) take
    /// fields added later and tolerate older logs without them.
    /// </summary>
    public static IReadOnlyDictionary<string, double> LastEpochNumbers(string path)
    {
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return numbers;
        }

        string? last = null;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var record = JsonDocument.Parse(line);
            if (record.RootElement.TryGetProperty("kind", out var kind) && kind.ValueEquals("epoch"))
            {
                last = line;
            }
        }

        if (last is not null)
        {
            using var record = JsonDocument.Parse(last);
            foreach (JsonProperty field in record.RootElement.EnumerateObject())
            {
                if (field.Value.ValueKind == JsonValueKind.Number)
                {
                    numbers[field.Name] = field.Value.GetDouble();
                }
            }
        }

        return numbers;
    }

    public void Dispose()
    {
        // SummaryWriter writes each event as it is added and has nothing to release.
        lines.Dispose();
    }

    private static void KeepUpTo(string path, int epoch)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var kept = File.ReadLines(path)
            .Where(l => JsonSerializer.Deserialize<TrainingRecord>(l, Json) is { } r && r.Epoch <= epoch)
            .ToList();
        Runtime.AtomicFile.WriteAllText(path, kept.Count == 0 ? string.Empty : string.Join('\n', kept) + '\n');
    }
}
