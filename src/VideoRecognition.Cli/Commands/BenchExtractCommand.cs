using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Backbones;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Features;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec bench extract`: where extraction time goes, stage by stage, and how it compares with the PyTorch peer.</summary>
internal sealed class BenchExtractCommand : Command<BenchExtractCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--count <N>")]
        [Description("Videos to measure (the first N by id).")]
        [DefaultValue(60)]
        public int Count { get; init; } = 60;

        [CommandOption("--rounds <N>")]
        [Description("Rounds of vrec's overlapped extraction alternating with the peer, per load (0: stages only).")]
        [DefaultValue(2)]
        public int Rounds { get; init; } = 2;

        [CommandOption("--busy")]
        [Description("Also measure with one competing CPU-bound process (started and ended by the benchmark) and print busy/quiet.")]
        public bool Busy { get; init; }

        [CommandOption("--peer <PYTHON>")]
        [Description("Interpreter for the PyTorch peer (scripts/bench/extract_peer.py), or 'none'. Default: /usr/bin/python3 when it imports torch, torchvision and cv2.")]
        [DefaultValue("/usr/bin/python3")]
        public string Peer { get; init; } = "/usr/bin/python3";

        [CommandOption("--like <CONFIG>")]
        [Description("Take the video, backbone and features sections of this config (e.g. configs/anet13-5way.yaml; --set applies to it too) and run them on the data of --config, on the CPU; a weights file that is not there becomes random weights (same speed).")]
        public string? Like { get; init; }

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Where bench-extract.json is written.")]
        [DefaultValue("runs/bench")]
        public string Output { get; init; } = "runs/bench";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Count < 1)
        {
            throw new BadInputException($"--count must be at least 1 (got {settings.Count})");
        }

        if (settings.Rounds < 0)
        {
            throw new BadInputException($"--rounds must be 0 or more (got {settings.Rounds})");
        }

        string loadBefore = LoadAverage.Read();
        RunConfig config = settings.LoadConfig();
        var notes = new List<string>();
        if (settings.Like is { } like)
        {
            config = Like(config, RunConfigFile.Load(like, settings.Overrides()), notes);
        }

        string output = settings.PrepareOutput(config, settings.Output);
        ExtractionPeer? peer = null;
        if (settings.Rounds > 0 && !string.Equals(settings.Peer, "none", StringComparison.OrdinalIgnoreCase))
        {
            (peer, string? whyNot) = ExtractionPeer.Find(AppContext.BaseDirectory, settings.Peer);
            if (peer is null)
            {
                notes.Add($"no peer comparison: {whyNot}");
            }
        }

        foreach (string note in notes)
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
        }

        var plan = new ExtractionComparisonPlan(settings.Count, settings.Rounds, settings.Busy, peer);
        var result = ConsoleReporter.Run(settings.LogLevel, progress =>
            ExtractionJob.Compare(config, plan, Path.Combine(output, "scratch-features"), progress, cancellationToken));

        var machine = MachineDescription.Current();
        var table = new Table().Title("Extraction throughput").AddColumns("stage", "videos", "videos/s", "segments/s", "seconds");
        foreach (var stage in result.Stages.Throughputs)
        {
            table.AddRow(stage.Stage, $"{stage.Videos}", $"{stage.VideosPerSecond:0.00}", $"{stage.SegmentsPerSecond:0.0}", $"{stage.Elapsed.TotalSeconds:0.0}");
        }

        AnsiConsole.Write(table);
        var overlapped = result.Stages.Overlapped;
        var profile = new Table().Title("Overlapped extraction, time per stage (summed over threads)").AddColumns("stage", "ms/video", "calls", "seconds");
        foreach (var stage in overlapped.Stages)
        {
            profile.AddRow(StageName(stage.Stage), $"{stage.MillisecondsPerVideo(overlapped.Extracted):0.0}", $"{stage.Count}", $"{stage.Time.TotalSeconds:0.00}");
        }

        profile.AddRow("wall", $"{overlapped.Elapsed.TotalMilliseconds / Math.Max(overlapped.Extracted, 1):0.0}", "", $"{overlapped.Elapsed.TotalSeconds:0.00}");
        AnsiConsole.Write(profile);

        if (result.Rounds.Count > 0)
        {
            var rounds = new Table().Title("Overlapped extraction against the PyTorch peer, same videos, alternating").AddColumns("load", "round", "vrec videos/s", "peer videos/s", "vrec / peer");
            foreach (var round in result.Rounds)
            {
                rounds.AddRow(Load(round.Busy), $"{round.Round}", $"{round.Vrec.VideosPerSecond:0.00}", round.Peer is { } p ? $"{p.VideosPerSecond:0.00}" : "-", round.Ratio is { } r ? $"{r:0.00}x" : "-");
            }

            AnsiConsole.Write(rounds);
            foreach (bool busy in new[] { false, true })
            {
                if (result.Median(busy) is { } m)
                {
                    string peerPart = m.Peer is { } mp ? $", peer {mp:0.00} videos/s, vrec/peer {m.Ratio:0.00}x" : "";
                    AnsiConsole.MarkupLine($"{Load(busy)} (median of {result.Rounds.Count(r => r.Busy == busy)}): vrec {m.Vrec:0.00} videos/s{Markup.Escape(peerPart)}");
                }
            }

            if (result.BusyOverQuiet() is { } bq)
            {
                AnsiConsole.MarkupLine($"busy / quiet: vrec {bq.Vrec:0.00}x{(bq.Peer is { } bp ? $", peer {bp:0.00}x" : "")}");
            }
        }

        AnsiConsole.MarkupLine($"backbone {Markup.Escape(config.Backbone.Architecture.ToString().ToLowerInvariant())} ({Markup.Escape(config.Backbone.Weights)}) at {config.Video.InputSize} px, {config.Video.Segments} segments x {1 + config.Features.TrainViews} views per video; {config.Features.DecodeWorkers} decode worker(s), {config.Features.VideosPerForward} videos per forward");
        AnsiConsole.MarkupLine($"machine: {Markup.Escape(machine.ToString())}");
        AnsiConsole.MarkupLine($"load average before the run: {Markup.Escape(loadBefore)}; after: {Markup.Escape(LoadAverage.Read())}");
        string json = Path.Combine(output, "bench-extract.json");
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(
            new
            {
                machine,
                load_average_before = loadBefore,
                load_average_after = LoadAverage.Read(),
                backbone = config.Backbone.Architecture.ToString().ToLowerInvariant(),
                input_size = config.Video.InputSize,
                notes,
                stages = result.Stages.Throughputs.Select(s => new { s.Stage, s.Videos, s.Segments, seconds = s.Elapsed.TotalSeconds, s.VideosPerSecond, s.SegmentsPerSecond }),
                profile = overlapped.Stages.Select(s => new { stage = StageName(s.Stage), seconds = s.Time.TotalSeconds, s.Count, ms_per_video = s.MillisecondsPerVideo(overlapped.Extracted) }),
                rounds = result.Rounds.Select(r => new { load = Load(r.Busy), r.Round, vrec_videos_per_s = r.Vrec.VideosPerSecond, peer_videos_per_s = r.Peer?.VideosPerSecond, peer_torch = r.Peer?.Torch, ratio = r.Ratio }),
                quiet = result.Median(false) is { } q ? new { vrec = q.Vrec, peer = q.Peer, ratio = q.Ratio } : null,
                busy = result.Median(true) is { } b ? new { vrec = b.Vrec, peer = b.Peer, ratio = b.Ratio } : null,
                busy_over_quiet = result.BusyOverQuiet() is { } o ? new { vrec = o.Vrec, peer = o.Peer } : null,
            },
            new JsonSerializerOptions { WriteIndented = true }));
        AnsiConsole.MarkupLine($"Written to [bold]{Markup.Escape(json)}[/]");
        return ExitCodes.Ok;
    }

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

    /// <summary>The model setting of another config (video, backbone, features) on this config's data, on the CPU.</summary>
    private static RunConfig Like(RunConfig data, RunConfig like, List<string> notes)
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
}

/// <summary>/proc/loadavg, to say how busy the machine was around a measurement.</summary>
internal static class LoadAverage
{
    public static string Read()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
