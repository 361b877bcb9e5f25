using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec study-corrections`: marks simulated from the ground truth, chosen by uncertainty or at random, retrained and evaluated.</summary>
internal sealed class StudyCorrectionsCommand : Command<StudyCorrectionsCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("--run <FOLDER>")]
        [Description("The reference training run (e.g. runs/demo/runs/full): its best checkpoint chooses the uncertain segments, and its config and seed are retrained with the marks.")]
        public string? Run { get; init; }

        [CommandOption("--fractions <PERCENTS>")]
        [Description("Comma-separated shares of the base-class training segments to mark, in percent (default: 1,5,20).")]
        public string? Fractions { get; init; }

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Study folder: corrections/, one folder per cell under cells/, study-corrections.md and .json.")]
        [DefaultValue("runs/study-corrections")]
        public string Output { get; init; } = "runs/study-corrections";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Run is null)
        {
            throw new BadInputException("--run is required: the training run folder whose model and config the study starts from (e.g. runs/demo/runs/full)");
        }

        if (settings.Config is not null || settings.Seed is not null)
        {
            throw new BadInputException("the study retrains with the reference run's own config and seed; give --run, not --config or --seed (only --set eval.*=... and --device apply)");
        }

        IReadOnlyList<double> fractions = settings.Fractions is null ? CorrectionStudy.DefaultFractions : Fractions(settings.Fractions);
        RunConfig config = CorrectionStudy.ReferenceConfig(settings.Run, settings.Overrides());
        BackwardPassGuard.Apply(config);
        CorrectionStudyOutcome outcome = ConsoleReporter.Run(settings.LogLevel, progress =>
            CorrectionStudy.Run(config, settings.Run, fractions, settings.Output, progress, cancellationToken));
        SummaryTable.Write(outcome.Result);
        AnsiConsole.MarkupLine($"Table (markdown): [bold]{Markup.Escape(outcome.Markdown)}[/]");
        AnsiConsole.MarkupLine($"Results (JSON): [bold]{Markup.Escape(outcome.Json)}[/]");
        return ExitCodes.Ok;
    }

    private static IReadOnlyList<double> Fractions(string list)
    {
        var fractions = new List<double>();
        foreach (string part in list.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out double percent) || !(percent > 0 && percent <= 100))
            {
                throw new BadInputException($"--fractions: '{part}' is not a percentage above 0 and at most 100 (e.g. --fractions 1,5,20)");
            }

            fractions.Add(percent / 100);
        }

        if (fractions.Distinct().Count() != fractions.Count)
        {
            throw new BadInputException($"--fractions: '{list}' names a share twice");
        }

        return fractions;
    }
}
