using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
using VideoRecognition.Reports;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec inspect`: an HTML report of what a model thinks of every segment of some videos.</summary>
internal sealed class InspectCommand : Command<InspectCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("--checkpoint <FOLDER>")]
        [Description("Checkpoint folder of the model to inspect.")]
        public string? Checkpoint { get; init; }

        [CommandOption("--videos <IDS>")]
        [Description("Comma-separated video ids (default: a few videos of the novel classes).")]
        public string? Videos { get; init; }

        [CommandOption("--count <N>")]
        [Description("How many novel-class videos to show when --videos is not given.")]
        [DefaultValue(6)]
        public int Count { get; init; } = 6;

        [CommandOption("--features <FOLDER>")]
        [Description("Feature store (config key: features.output).")]
        [ConfigKey("features.output")]
        public string? Features { get; init; }

        [CommandOption("--results <FILE>")]
        [Description("results-*.json files of `vrec eval` to show in the report (repeatable).")]
        public string[] Results { get; init; } = [];

        [CommandOption("--corrections <FILE>")]
        [Description("A corrections file saved from a report: the page shows which segments a person marked.")]
        public string? Corrections { get; init; }

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Report folder (index.html, one page per video).")]
        [DefaultValue("runs/inspect")]
        public string Output { get; init; } = "runs/inspect";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Checkpoint is null)
        {
            throw new BadInputException("--checkpoint is required (a folder such as runs/train/checkpoints/best)");
        }

        if (settings.Count < 1)
        {
            throw new BadInputException($"--count must be a whole number of videos, at least 1; got {settings.Count}");
        }

        string[]? named = settings.Videos?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (named is { Length: 0 })
        {
            throw new BadInputException($"--videos '{settings.Videos}' names no video; give comma-separated ids such as synth00042,synth00107");
        }

        CheckpointStore.RequireFolder(settings.Checkpoint);
        RunConfig config = settings.LoadConfig();
        // Every input is read before the report folder is made, so a bad one leaves nothing behind.
        var evaluations = settings.Results.Select(EvaluationSetting.Read).ToList();
        var marks = settings.Corrections is null ? null : VideoRecognition.Training.SegmentCorrections.Read(settings.Corrections);
        var ids = named ?? InspectionJob.NovelExamples(config, settings.Count).ToArray();
        string trainingLog = RunLayout.OfCheckpoint(settings.Checkpoint).TrainingLog;
        string output = OutputFolder.Prepare(settings.Output);
        string index = ConsoleReporter.Run(settings.LogLevel, progress =>
            InspectionJob.Inspect(config, settings.Checkpoint, ids, output, trainingLog, evaluations, progress, cancellationToken, marks));
        AnsiConsole.MarkupLine($"Inspection report: [bold]{Markup.Escape(index)}[/]");
        return ExitCodes.Ok;
    }
}
