using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
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

        RunConfig config = settings.LoadConfig();
        var notes = new List<string>();
        if (settings.Like is { } like)
        {
            config = ExtractionBenchmarkReport.Like(config, RunConfigFile.Load(like, settings.Overrides()), notes);
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
        var report = ConsoleReporter.Run(settings.LogLevel, progress =>
            ExtractionBenchmarkReport.Run(config, plan, notes, output, progress, cancellationToken));
        SummaryTable.Write(report);
        return ExitCodes.Ok;
    }
}
