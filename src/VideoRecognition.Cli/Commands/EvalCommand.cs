using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec eval`: few-shot episodes over a split, several checkpoints on the same episodes.</summary>
internal sealed class EvalCommand : Command<EvalCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("--checkpoint <FOLDER>")]
        [Description("Checkpoint folder to evaluate (repeatable: every model is evaluated on the same episodes).")]
        public string[] Checkpoints { get; init; } = [];

        [CommandOption("--way <N>")]
        [Description("Classes per episode (config key: eval.way).")]
        [ConfigKey("eval.way")]
        public string? Way { get; init; }

        [CommandOption("--shot <K>")]
        [Description("Labelled support videos per class (config key: eval.shot).")]
        [ConfigKey("eval.shot")]
        public string? Shot { get; init; }

        [CommandOption("--query <Q>")]
        [Description("Query videos per class (config key: eval.query).")]
        [ConfigKey("eval.query")]
        public string? Query { get; init; }

        [CommandOption("--episodes <E>")]
        [Description("Episodes (config key: eval.episodes).")]
        [ConfigKey("eval.episodes")]
        public string? Episodes { get; init; }

        [CommandOption("--split <PART>")]
        [Description("novel, val or base (config key: eval.split).")]
        [ConfigKey("eval.split")]
        public string? Split { get; init; }

        [CommandOption("--classifier <KIND>")]
        [Description("prototype or logistic_regression (config key: eval.classifier).")]
        [ConfigKey("eval.classifier")]
        public string? Classifier { get; init; }

        [CommandOption("--features <FOLDER>")]
        [Description("Feature store (config key: features.output).")]
        [ConfigKey("features.output")]
        public string? Features { get; init; }

        [CommandOption("--from-videos")]
        [Description("Start from the videos (data.annotations, data.videos): extract the features into features.output first, then evaluate.")]
        public bool FromVideos { get; init; }

        [CommandOption("--replay <FILE>")]
        [Description("Evaluate on a saved episode set (episodes-*.json of an earlier run) instead of sampling.")]
        public string? Replay { get; init; }

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Where results, per-class accuracy, confusion matrices and the episode set are written.")]
        [DefaultValue("runs/eval")]
        public string Output { get; init; } = "runs/eval";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        foreach (string checkpoint in settings.Checkpoints)
        {
            CheckpointStore.RequireFolder(checkpoint);
        }

        RunConfig config = settings.LoadConfig();
        string output = settings.PrepareOutput(config, settings.Output);
        var outcome = ConsoleReporter.Run(settings.LogLevel, progress =>
            EvaluationJob.Evaluate(config, settings.Checkpoints, settings.Replay, output, progress, cancellationToken, settings.FromVideos));
        SummaryTable.Write(outcome.Result);
        AnsiConsole.MarkupLine($"Results: [bold]{Markup.Escape(outcome.ResultJson)}[/], {Markup.Escape(outcome.ResultCsv)}, {Markup.Escape(outcome.PerClassCsv)}");
        AnsiConsole.MarkupLine($"Episodes (replay with --replay): [bold]{Markup.Escape(outcome.EpisodesFile)}[/]");
        SummaryTable.Write(outcome.ActivityNet);
        return ExitCodes.Ok;
    }
}
