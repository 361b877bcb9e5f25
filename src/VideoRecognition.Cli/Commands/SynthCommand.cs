using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec synth`: generate the synthetic untrimmed-video benchmark.</summary>
internal sealed class SynthCommand : Command<SynthCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("-o|--out <FOLDER>")]
        [Description("Output folder (config key: synth.output).")]
        [ConfigKey("synth.output")]
        public string? Output { get; init; }

        [CommandOption("--classes <N>")]
        [Description("Number of classes (config key: synth.classes).")]
        [ConfigKey("synth.classes")]
        public string? Classes { get; init; }

        [CommandOption("--videos-per-class <N>")]
        [Description("Videos per class (config key: synth.videos_per_class).")]
        [ConfigKey("synth.videos_per_class")]
        public string? VideosPerClass { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunConfig config = settings.LoadConfig();
        string output = settings.PrepareOutput(config, config.Synth.Output);

        var summary = ConsoleReporter.Run(settings.LogLevel, progress =>
            SyntheticDataset.Generate(config.Synth, Seed.From(config.Seed), progress, cancellationToken));

        SummaryTable.Write(summary);
        return ExitCodes.Ok;
    }
}
