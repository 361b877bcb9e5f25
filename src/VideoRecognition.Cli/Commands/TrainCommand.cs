using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Backbones;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec train`: train on the base classes; --resume continues a stopped run.</summary>
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("-o|--out <FOLDER>")]
        [Description("Run folder: checkpoints, logs, model.pt (config key: train.output).")]
        [ConfigKey("train.output")]
        public string? Output { get; init; }

        [CommandOption("--features <FOLDER>")]
        [Description("Feature store from `vrec extract` (config key: features.output).")]
        [ConfigKey("features.output")]
        public string? Features { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Epochs (config key: train.epochs).")]
        [ConfigKey("train.epochs")]
        public string? Epochs { get; init; }

        [CommandOption("--corrections <FILE>")]
        [Description("A corrections file saved from a report: marked segments are trained as known labels in place of pseudo-labels (config key: train.corrections).")]
        [ConfigKey("train.corrections")]
        public string? Corrections { get; init; }

        [CommandOption("--resume")]
        [Description("Continue the run in the output folder from its newest checkpoint.")]
        public bool Resume { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunConfig config = settings.LoadConfig();
        BackwardPassGuard.Apply(config);

        string output = settings.PrepareOutput(config, config.Train.Output);
        var summary = ConsoleReporter.Run(settings.LogLevel, progress => TrainingJob.Train(config, settings.Resume, progress, cancellationToken));
        SummaryTable.Write(summary);
        return ExitCodes.Ok;
    }
}
