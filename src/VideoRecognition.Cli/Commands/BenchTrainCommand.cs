using System.ComponentModel;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

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
        var report = ConsoleReporter.Run(settings.LogLevel, progress => TrainingBenchmark.Run(
            config, settings.Count, settings.Classes, config.Video.Segments, settings.Dimension, output, progress, cancellationToken));
        SummaryTable.Write(report);
        return ExitCodes.Ok;
    }
}
