using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec bench train`: head-training throughput and memory on an ActivityNet-sized feature set.</summary>
internal sealed class BenchTrainCommand : Command<BenchTrainCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("--count <N>")]
        [Description("Videos in the generated feature store (ActivityNet v1.3 has about 10,000 labelled training videos).")]
        [DefaultValue(10000)]
        public int Count { get; init; } = 10000;

        [CommandOption("--classes <N>")]
        [DefaultValue(128)]
        [Description("Base classes (128 in the shipped ActivityNet v1.3 split).")]
        public int Classes { get; init; } = 128;

        [CommandOption("--dimension <D>")]
        [DefaultValue(2048)]
        [Description("Feature dimension (2048 for ResNet-50).")]
        public int Dimension { get; init; } = 2048;

        [CommandOption("--epochs <N>")]
        [Description("Epochs to time (config key: train.epochs).")]
        [ConfigKey("train.epochs")]
        public string? Epochs { get; init; }

        [CommandOption("-o|--out <FOLDER>")]
        [DefaultValue("runs/bench/train")]
        [Description("Where the generated store, the run and bench-train.json go.")]
        public string Output { get; init; } = "runs/bench/train";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Count < 10 || settings.Classes < 2 || settings.Dimension < 1)
        {
            throw new BadInputException("--count must be at least 10, --classes at least 2 and --dimension at least 1");
        }

        RunConfig config = settings.LoadConfig();
        string output = OutputFolder.Prepare(settings.Output);
        var epochs = ConsoleReporter.Run(settings.LogLevel, progress => TrainingBenchmark.Run(
            config, settings.Count, settings.Classes, config.Video.Segments, settings.Dimension, output, progress, cancellationToken));

        var machine = MachineDescription.Current();
        var table = new Table().Title($"Head training on {settings.Count} videos x {config.Video.Segments} segments x {settings.Dimension} dims, batch {config.Train.BatchSize}")
            .AddColumns("epoch", "seconds", "videos/s", "segments/s", "resident MiB");
        foreach (var e in epochs)
        {
            table.AddRow($"{e.Epoch}", $"{e.Seconds:0.0}", $"{e.VideosPerSecond:0}", $"{e.SegmentsPerSecond:0}", $"{e.ResidentMemoryMiB:0}");
        }

        AnsiConsole.Write(table);
        if (epochs.Count >= 2)
        {
            AnsiConsole.MarkupLine($"resident memory, last epoch vs first: {100 * ((epochs[^1].ResidentMemoryMiB / epochs[0].ResidentMemoryMiB) - 1):+0.0;-0.0} %");
        }

        AnsiConsole.MarkupLine($"machine: {Markup.Escape(machine.ToString())}");
        string json = Path.Combine(output, "bench-train.json");
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(new { machine, settings.Count, settings.Classes, settings.Dimension, segments = config.Video.Segments, batch = config.Train.BatchSize, epochs }, new JsonSerializerOptions { WriteIndented = true }));
        AnsiConsole.MarkupLine($"Written to [bold]{Markup.Escape(json)}[/]");
        return ExitCodes.Ok;
    }
}
