using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec bench extract`: where extraction time goes, stage by stage.</summary>
internal sealed class BenchExtractCommand : Command<BenchExtractCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--count <N>")]
        [Description("Videos to measure (the first N by id).")]
        [DefaultValue(60)]
        public int Count { get; init; } = 60;

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

        RunConfig config = settings.LoadConfig();
        string output = settings.PrepareOutput(config, settings.Output);
        var stages = ConsoleReporter.Run(settings.LogLevel, progress =>
            ExtractionJob.Benchmark(config, settings.Count, Path.Combine(output, "scratch-features"), progress, cancellationToken));

        var machine = MachineDescription.Current();
        var table = new Table().Title("Extraction throughput").AddColumns("stage", "videos", "videos/s", "segments/s", "seconds");
        foreach (var stage in stages)
        {
            table.AddRow(stage.Stage, $"{stage.Videos}", $"{stage.VideosPerSecond:0.00}", $"{stage.SegmentsPerSecond:0.0}", $"{stage.Elapsed.TotalSeconds:0.0}");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"backbone {Markup.Escape(config.Backbone.Architecture.ToString().ToLowerInvariant())} at {config.Video.InputSize} px, {config.Video.Segments} segments x {1 + config.Features.TrainViews} views per video");
        AnsiConsole.MarkupLine($"machine: {Markup.Escape(machine.ToString())}");
        string json = Path.Combine(output, "bench-extract.json");
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(new { machine, stages = stages.Select(s => new { s.Stage, s.Videos, s.Segments, seconds = s.Elapsed.TotalSeconds, s.VideosPerSecond, s.SegmentsPerSecond }) }, new JsonSerializerOptions { WriteIndented = true }));
        AnsiConsole.MarkupLine($"Written to [bold]{Markup.Escape(json)}[/]");
        return ExitCodes.Ok;
    }
}
