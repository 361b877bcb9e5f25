using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec study`: the demo over several seeds, with statistics across seeds and paired differences against full.</summary>
internal sealed class StudyCommand : Command<StudyCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("--seeds <LIST>")]
        [Description("Comma-separated seeds, one whole run each (default: " + StudySeeds.DefaultList + ").")]
        public string? Seeds { get; init; }

        [CommandOption("--seed-count <N>")]
        [Description("Seeds 0 .. N-1 instead of a list.")]
        public string? SeedCount { get; init; }

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Study folder: one run folder seed-<s> per seed, study.md and study.json.")]
        [DefaultValue("runs/study")]
        public string Output { get; init; } = "runs/study";

        [CommandOption("--only <SEED>")]
        [Description("Run just this seed's folder, without aggregating (one task of a Slurm array); then --aggregate.")]
        public string? Only { get; init; }

        [CommandOption("--aggregate")]
        [Description("Run nothing: join the finished seed folders into study.md and study.json.")]
        public bool Aggregate { get; init; }

        [CommandOption("--inits <N>")]
        [Description("Train every model of each seed from N initialisations (successive train.init values from the config's, 0 .. N-1 by default; same data and episodes) and report their mean per seed.")]
        [DefaultValue(1)]
        public int Inits { get; init; } = 1;

        [CommandOption("--inspect")]
        [Description("Also write each seed's HTML inspection report (off in a study to save time).")]
        public bool Inspect { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> seeds = Seeds(settings);
        var overrides = settings.Overrides();
        if (overrides.Any(o => o.Key == "seed"))
        {
            throw new BadInputException("a study sets the seed of each run itself; give the seeds with --seeds (or --seed-count), not --seed or --set seed=");
        }

        RunConfig config = settings.LoadConfig();
        string output = settings.PrepareOutput(config, settings.Output);
        BackwardPassGuard.Apply(config);
        if (settings.Only is not null)
        {
            int only = StudySeeds.One(settings.Only, "--only");
            ConsoleReporter.Run(settings.LogLevel, progress => StudyPipeline.RunSeed(config, output, only, settings.Inspect, progress, cancellationToken, settings.Inits));
            string folder = StudyPipeline.SeedFolder(output, only);
            AnsiConsole.MarkupLine($"Seed {only} finished: [bold]{Markup.Escape(folder)}[/] (its table: {Markup.Escape(Path.Combine(folder, "results.md"))})");
            AnsiConsole.MarkupLine($"When every seed is finished: [bold]./vrec study --aggregate --out {Markup.Escape(settings.Output)}[/] with the same --seeds, --inits, --config and --set");
            return ExitCodes.Ok;
        }

        var plan = new StudyPlan(seeds, output, settings.Config ?? RunConfigFile.EmbeddedDefaultName, overrides.Select(o => o.ToString()).ToList(), settings.Inits);
        StudyOutcome outcome = ConsoleReporter.Run(settings.LogLevel, progress =>
            settings.Aggregate
                ? StudyPipeline.Aggregate(config, plan, progress)
                : StudyPipeline.Run(config, plan, settings.Inspect, progress, cancellationToken));

        SummaryTable.Write(outcome.Result);
        AnsiConsole.MarkupLine($"Study (markdown, with the per-seed table): [bold]{Markup.Escape(outcome.Markdown)}[/]");
        AnsiConsole.MarkupLine($"Study (JSON): [bold]{Markup.Escape(outcome.Json)}[/]");
        AnsiConsole.MarkupLine($"Seed run folders: [bold]{Markup.Escape(Path.Combine(output, "seed-<s>"))}[/]");
        return ExitCodes.Ok;
    }

    /// <summary>The seeds the command line asks for, checked before anything runs.</summary>
    private static IReadOnlyList<int> Seeds(Settings settings)
    {
        if (settings.Seed is not null)
        {
            throw new BadInputException("--seed does not apply to a study, which runs one seed per run; give the seeds with --seeds (or --seed-count)");
        }

        if (settings.Seeds is not null && settings.SeedCount is not null)
        {
            throw new BadInputException("give --seeds or --seed-count, not both");
        }

        if (settings.Only is not null && settings.Aggregate)
        {
            throw new BadInputException("--only and --aggregate do not go together: run each seed with --only, then aggregate once");
        }

        IReadOnlyList<int> seeds = settings.SeedCount is { } count ? StudySeeds.First(count) : StudySeeds.Parse(settings.Seeds ?? StudySeeds.DefaultList);
        if (settings.Only is not null && StudySeeds.One(settings.Only, "--only") is var only && !seeds.Contains(only))
        {
            throw new BadInputException($"--only {only} is not one of the study's seeds ({string.Join(",", seeds)}); give it in --seeds too, so --aggregate counts it");
        }

        return seeds;
    }
}
