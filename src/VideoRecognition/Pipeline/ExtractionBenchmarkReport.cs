using VideoRecognition.Backbones;
using VideoRecognition.Configuration;
using VideoRecognition.Features;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using static System.FormattableString;

namespace VideoRecognition.Pipeline;

/// <summary>
/// `vrec bench extract`: runs <see cref="ExtractionJob.Compare"/>, writes bench-extract.json and says what it
/// measured: stage throughputs, the overlapped run's time per stage, the rounds against the peer and their medians.
/// </summary>
public static class ExtractionBenchmarkReport
{
    /// <summary>The model setting of another config (video, backbone, features) on this config's data, on the CPU.</summary>
    public static RunConfig Like(RunConfig data, RunConfig like, ICollection<string> notes)
    {
        var backbone = like.Backbone;
        string weights = backbone.Weights.Trim();
        if (weights is not (BackboneConfig.NoWeights or BackboneConfig.ImageNetWeights) && !File.Exists(weights))
        {
            notes.Add($"{weights} is not here: random {backbone.Architecture.ToString().ToLowerInvariant()} weights instead (the same work per image)");
            backbone = backbone with { Weights = BackboneConfig.NoWeights };
        }

        return data with { Video = like.Video, Backbone = backbone, Features = like.Features with { Output = data.Features.Output }, Device = Configuration.Device.Cpu };
    }

    /// <summary>Measures into a scratch store under the folder, then writes bench-extract.json there.</summary>
    public static BenchmarkReport<ExtractionComparison> Run(
        RunConfig config, ExtractionComparisonPlan plan, IReadOnlyList<string> notes, string folder, IProgressReporter progress, CancellationToken ct)
    {
        string loadBefore = LoadAverage.Read();
        var result = ExtractionJob.Compare(config, plan, Path.Combine(folder, "scratch-features"), progress, ct);
        return Report(result, config, notes, MachineDescription.Current(), loadBefore, folder);
    }

    public static BenchmarkReport<ExtractionComparison> Report(
        ExtractionComparison result, RunConfig config, IReadOnlyList<string> notes, MachineDescription machine, string loadBefore, string folder)
    {
        var overlapped = result.Stages.Overlapped;
        var tables = new List<BenchmarkTable>
        {
            new("Extraction throughput", new StudyTable.Grid(
                ["stage", "videos", "videos/s", "segments/s", "seconds"],
                result.Stages.Throughputs.Select(s => Row(s.Stage, Invariant($"{s.Videos}"), Invariant($"{s.VideosPerSecond:0.00}"), Invariant($"{s.SegmentsPerSecond:0.0}"), Invariant($"{s.Elapsed.TotalSeconds:0.0}"))).ToList())),
            new("Overlapped extraction, time per stage (summed over threads)", new StudyTable.Grid(
                ["stage", "ms/video", "calls", "seconds"],
                [
                    .. overlapped.Stages.Select(s => Row(StageName(s.Stage), Invariant($"{s.MillisecondsPerVideo(overlapped.Extracted):0.0}"), Invariant($"{s.Count}"), Invariant($"{s.Time.TotalSeconds:0.00}"))),
                    Row("wall", Invariant($"{overlapped.Elapsed.TotalMilliseconds / Math.Max(overlapped.Extracted, 1):0.0}"), "", Invariant($"{overlapped.Elapsed.TotalSeconds:0.00}")),
                ])),
        };
        var lines = new List<string>();
        if (result.Rounds.Count > 0)
        {
            tables.Add(new("Overlapped extraction against the PyTorch peer, same videos, alternating", new StudyTable.Grid(
                ["load", "round", "vrec videos/s", "peer videos/s", "vrec / peer"],
                result.Rounds.Select(r => Row(Load(r.Busy), Invariant($"{r.Round}"), Invariant($"{r.Vrec.VideosPerSecond:0.00}"), r.Peer is { } p ? Invariant($"{p.VideosPerSecond:0.00}") : "-", r.Ratio is { } x ? Invariant($"{x:0.00}x") : "-")).ToList())));
            foreach (bool busy in new[] { false, true })
            {
                if (result.Median(busy) is { } m)
                {
                    string peerPart = m.Peer is { } mp ? Invariant($", peer {mp:0.00} videos/s, vrec/peer {m.Ratio:0.00}x") : "";
                    lines.Add(Invariant($"{Load(busy)} (median of {result.Rounds.Count(r => r.Busy == busy)}): vrec {m.Vrec:0.00} videos/s{peerPart}"));
                }
            }

            if (result.BusyOverQuiet() is { } bq)
            {
                lines.Add(Invariant($"busy / quiet: vrec {bq.Vrec:0.00}x{(bq.Peer is { } bp ? Invariant($", peer {bp:0.00}x") : "")}"));
            }
        }

        string backbone = config.Backbone.Architecture.ToString().ToLowerInvariant();
        lines.Add(Invariant($"backbone {backbone} ({config.Backbone.Weights}) at {config.Video.InputSize} px, {config.Video.Segments} segments x {1 + config.Features.TrainViews} views per video; {config.Features.DecodeWorkers} decode worker(s), {config.Features.VideosPerForward} videos per forward"));
        lines.Add($"machine: {machine}");
        string loadAfter = LoadAverage.Read();
        lines.Add($"load average before the run: {loadBefore}; after: {loadAfter}");
        string json = BenchmarkJson.Write(folder, "bench-extract.json", new
        {
            machine,
            load_average_before = loadBefore,
            load_average_after = loadAfter,
            backbone,
            input_size = config.Video.InputSize,
            notes,
            stages = result.Stages.Throughputs.Select(s => new { s.Stage, s.Videos, s.Segments, seconds = s.Elapsed.TotalSeconds, s.VideosPerSecond, s.SegmentsPerSecond }),
            profile = overlapped.Stages.Select(s => new { stage = StageName(s.Stage), seconds = s.Time.TotalSeconds, s.Count, ms_per_video = s.MillisecondsPerVideo(overlapped.Extracted) }),
            rounds = result.Rounds.Select(r => new { load = Load(r.Busy), r.Round, vrec_videos_per_s = r.Vrec.VideosPerSecond, peer_videos_per_s = r.Peer?.VideosPerSecond, peer_torch = r.Peer?.Torch, ratio = r.Ratio }),
            quiet = result.Median(false) is { } q ? new { vrec = q.Vrec, peer = q.Peer, ratio = q.Ratio } : null,
            busy = result.Median(true) is { } b ? new { vrec = b.Vrec, peer = b.Peer, ratio = b.Ratio } : null,
            busy_over_quiet = result.BusyOverQuiet() is { } o ? new { vrec = o.Vrec, peer = o.Peer } : null,
        });
        return new BenchmarkReport<ExtractionComparison>(result, machine, json, tables, lines);
    }

    private static IReadOnlyList<string> Row(params string[] cells) => cells;

    private static string Load(bool busy) => busy ? "busy (1 competing process)" : "quiet";

    private static string StageName(ExtractionStage stage) => stage switch
    {
        ExtractionStage.Decode => "decode (workers)",
        ExtractionStage.Transform => "transform (workers)",
        ExtractionStage.WaitForQueue => "wait for queue room (producer)",
        ExtractionStage.WaitForDecode => "wait for decoded video (backbone)",
        ExtractionStage.Assemble => "batch assembly",
        ExtractionStage.Forward => "forward",
        ExtractionStage.Write => "write",
        _ => stage.ToString(),
    };
}
