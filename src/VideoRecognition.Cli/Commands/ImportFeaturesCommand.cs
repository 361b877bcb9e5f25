using System.ComponentModel;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec import-features`: published ActivityNet features (C3D HDF5, BSN CSV, per-video .npy) into the feature store.</summary>
internal sealed class ImportFeaturesCommand : Command<ImportFeaturesCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--from <PATH>")]
        [Description("The C3D HDF5 file, or the folder of v_<id>.csv / <id>.npy files (config key: import.source).")]
        [ConfigKey("import.source")]
        public string? From { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("auto, c3d_hdf5, bsn_csv or npy (config key: import.format).")]
        [ConfigKey("import.format")]
        public string? Format { get; init; }

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Feature store folder (config key: features.output).")]
        [ConfigKey("features.output")]
        public string? Output { get; init; }

        [CommandOption("--segments <S>")]
        [Description("Segments per video in the store (config key: video.segments).")]
        [ConfigKey("video.segments")]
        public string? Segments { get; init; }

        [CommandOption("--train-views <N>")]
        [Description("Temporally jittered training views stored beside the test view; 0 = test view only (config key: import.train_views).")]
        [ConfigKey("import.train_views")]
        public string? TrainViews { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunConfig config = settings.LoadConfig();
        string output = settings.PrepareOutput(config, config.Features.Output);
        var summary = ConsoleReporter.Run(settings.LogLevel, progress => ImportJob.Import(config, progress, cancellationToken));
        SummaryTable.Write(summary);
        return ExitCodes.Ok;
    }
}
