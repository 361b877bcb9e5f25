using System.ComponentModel;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Features.Import;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec bench import`: import time, store size and memory on an ActivityNet-sized feature set, then one epoch and 10,000 episodes on it.</summary>
internal sealed class BenchImportCommand : Command<BenchImportCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("c3d_hdf5, bsn_csv or npy (config key: import.format).")]
        [ConfigKey("import.format")]
        public string? Format { get; init; }

        [CommandOption("--count <N>")]
        [Description("Videos (the first N of the annotation file by id; default all, 19,228 in ActivityNet v1.3).")]
        [DefaultValue(int.MaxValue)]
        public int Count { get; init; } = int.MaxValue;

        [CommandOption("--episodes <E>")]
        [Description("5-way 5-shot episodes evaluated after the training epoch.")]
        [DefaultValue(10000)]
        public int Episodes { get; init; } = 10000;

        [CommandOption("-o|--out <FOLDER>")]
        [DefaultValue("runs/bench/import")]
        [Description("Where the generated feature set (kept and reused), the store, the run and bench-import-<format>.json go.")]
        public string Output { get; init; } = "runs/bench/import";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunConfig config = settings.LoadConfig();
        if (config.Import.Format == FeatureFormat.Auto || settings.Count < 10 || settings.Episodes < 2)
        {
            throw new BadInputException("--format must be c3d_hdf5, bsn_csv or npy, --count at least 10 and --episodes at least 2");
        }

        string output = OutputFolder.Prepare(settings.Output);
        var report = ConsoleReporter.Run(settings.LogLevel, progress =>
            ImportBenchmark.Run(config, config.Import.Format, settings.Count, settings.Episodes, output, progress, cancellationToken));
        SummaryTable.Write(report);
        return ExitCodes.Ok;
    }
}
