using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
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
        var result = ConsoleReporter.Run(settings.LogLevel, progress =>
            ImportBenchmark.Run(config, config.Import.Format, settings.Count, settings.Episodes, output, progress, cancellationToken));

        var machine = MachineDescription.Current();
        var table = new Table().Title($"Import of {result.Videos:N0} videos ({result.Format}, {result.Rows:N0} rows x {result.Dimension}) and what follows").AddColumns("", "");
        table.HideHeaders();
        table.AddRow("feature set", $"{result.SourceGiB:0.00} GiB" + (result.GenerateSeconds > 0 ? $", generated in {result.GenerateSeconds:0} s" : ", reused"));
        table.AddRow("import", $"{result.ImportSeconds:0.0} s ({result.ImportSeconds / 60:0.0} min): {result.VideosPerSecond:0} videos/s, {result.SourceMiBPerSecond:0} MiB/s; {result.Imported:N0} imported");
        table.AddRow("store", $"{result.StoreMiB:0} MiB");
        table.AddRow("resident memory", $"peak {result.PeakResidentMiB:0} MiB; at each tenth of the videos: {string.Join(", ", result.ResidentMiBPerTenth.Select(m => m.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} MiB");
        table.AddRow("one training epoch", $"{result.TrainEpochSeconds:0.0} s on {result.TrainVideos:N0} base-class videos (every loss on, contrastive views from the test view)");
        table.AddRow("episodes", $"{result.Episodes:N0} 5-way 5-shot in {result.EpisodesSeconds:0.0} s, including embedding, localisation and the ActivityNet files (accuracy {100 * result.Accuracy:0.00} %)");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"machine: {Markup.Escape(machine.ToString())}");
        string json = Path.Combine(output, $"bench-import-{result.Format}.json");
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(new { machine, result }, new JsonSerializerOptions { WriteIndented = true }));
        AnsiConsole.MarkupLine($"Written to [bold]{Markup.Escape(json)}[/]");
        return ExitCodes.Ok;
    }
}
