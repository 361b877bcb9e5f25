using VideoRecognition.Runs;
using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
using VideoRecognition.Recognition;
using VideoRecognition.Reports;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec recognise`: few-shot recognition and localisation of a user's own videos against a support set.</summary>
internal sealed class RecogniseCommand : Command<RecogniseCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("--checkpoint <FOLDER>")]
        [Description("Checkpoint folder of a trained model (e.g. runs/train/checkpoints/best).")]
        public string? Checkpoint { get; init; }

        [CommandOption("--support <PATH>")]
        [Description("Support set: a folder with one sub-folder of videos per class, or a CSV (video,class[[,start,end]]) or JSON list.")]
        public string? Support { get; init; }

        [CommandOption("--queries <PATH>")]
        [Description("Query videos: a folder (sub-folders name their classes, for scoring), or a CSV/JSON list with optional class and span.")]
        public string? Queries { get; init; }

        [CommandOption("--threshold <COSINE>")]
        [Description("A fixed open-set threshold instead of the leave-one-out one (config keys: recognise.open_set, recognise.open_set_threshold).")]
        public double? Threshold { get; init; }

        [CommandOption("--held-out-novel")]
        [Description("Measure instead of --support/--queries: support folders of --shots videos for some of the checkpoint's novel classes, queries of their other videos and of the novel classes left out (under <out>/held-out/).")]
        public bool HeldOutNovel { get; init; }

        [CommandOption("--shots <N>")]
        [Description("With --held-out-novel: support videos per class (default 3).")]
        [DefaultValue(3)]
        public int Shots { get; init; } = 3;

        [CommandOption("--support-classes <N>")]
        [Description("With --held-out-novel: how many novel classes go in the support set, chosen by the seed (default: half, rounded up); the rest are queries outside it.")]
        public int? SupportClasses { get; init; }

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Output folder: recognition.json, the ActivityNet result files, report/.")]
        [DefaultValue("runs/recognise")]
        public string Output { get; init; } = "runs/recognise";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.HeldOutNovel ? settings.Checkpoint is null || settings.Support is not null || settings.Queries is not null
                                  : settings.Checkpoint is null || settings.Support is null || settings.Queries is null)
        {
            throw new BadInputException("give --checkpoint with --support and --queries, or --checkpoint with --held-out-novel (which makes both) (see vrec recognise --help)");
        }

        RunConfig config = settings.LoadConfig();
        if (settings.Threshold is double fixedThreshold)
        {
            config = config with { Recognise = config.Recognise with { OpenSet = OpenSetRule.Fixed, OpenSetThreshold = fixedThreshold } };
        }

        RecognitionResult result = ConsoleReporter.Run(settings.LogLevel, progress =>
            settings.HeldOutNovel
                ? HeldOutRecognition.Run(config, settings.Checkpoint, settings.Shots, settings.SupportClasses, settings.Output, progress, cancellationToken)
                : RecognitionJob.Recognise(config, settings.Checkpoint, settings.Support!, settings.Queries!, settings.Output, progress, cancellationToken));
        Write(result);
        return ExitCodes.Ok;
    }

    private static void Write(RecognitionResult result)
    {
        var table = new Table().Title($"Recognition against {result.Classes.Count} support classes ({result.Support.Count} videos)")
            .AddColumns("query", "given class", "answer", "top classes (cosine)", "spans (s)");
        foreach (RecognisedQuery q in result.Queries)
        {
            var r = q.Recognition;
            table.AddRow(
                Markup.Escape(r.Id),
                Markup.Escape(q.Source.Video.Class ?? "-"),
                r.Predicted is null ? "[yellow]none of these[/]" : $"[bold]{Markup.Escape(r.Predicted)}[/]",
                Markup.Escape(string.Join(", ", r.Ranked.Take(3).Select(c => $"{c.Label} {F(c.Score)}"))),
                Markup.Escape(r.NoneOfThese ? "-" : string.Join(", ", r.Spans.Select(s => $"{F(s.Span.Start, 1)}-{F(s.Span.End, 1)}"))));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Open-set threshold {F(result.Threshold, 3)} ({Markup.Escape(result.ThresholdRule)})");
        foreach (SkippedVideo bad in result.Skipped)
        {
            AnsiConsole.MarkupLine($"[yellow]skipped[/] {Markup.Escape(bad.Video.Path)}: {Markup.Escape(bad.Problem)}");
        }

        if (result.Score is { } score)
        {
            // One fact a line: the console wraps at its width, and a wrapped phrase is harder to read and to search.
            AnsiConsole.MarkupLine($"Top-1 accuracy {P(score.Top1Accuracy)} over {score.KnownQueries} queries of support classes (chance {P(score.Top1Chance)})");
            AnsiConsole.MarkupLine($"Mean span tIoU {F(score.MeanTemporalIoU, 3)} over {score.QueriesWithSpans} with given spans");
            AnsiConsole.MarkupLine(
                $"\"none of these\": {P(score.NoneRateUnknown)} of {score.UnknownQueries} queries of other classes, {P(score.NoneRateKnown)} of queries of support classes");
            AnsiConsole.MarkupLine($"Chance level of both: {P(score.NoneRateChance)} (the rate over all queries)");
        }

        AnsiConsole.MarkupLine($"Results: [bold]{Markup.Escape(Path.Combine(result.OutputFolder, RecognitionJob.ResultFile))}[/]");
        AnsiConsole.MarkupLine($"Report: [bold]{Markup.Escape(result.ReportIndex)}[/]");
    }

    private static string F(double value, int decimals = 2) => double.IsFinite(value) ? value.ToString("F" + decimals, CultureInfo.InvariantCulture) : "-";

    private static string P(double value) => double.IsFinite(value) ? value.ToString("P1", CultureInfo.InvariantCulture) : "-";
}
