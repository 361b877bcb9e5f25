using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.FewShot;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec bench eval`: how long 10,000 episodes take from cached embeddings.</summary>
internal sealed class BenchEvalCommand : Command<BenchEvalCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("--shot <K>")]
        [ConfigKey("eval.shot")]
        [Description("Shots per class (config key: eval.shot).")]
        public string? Shot { get; init; }

        [CommandOption("--episodes <E>")]
        [ConfigKey("eval.episodes")]
        [Description("Episodes (config key: eval.episodes).")]
        public string? Episodes { get; init; }

        [CommandOption("--classifier <KIND>")]
        [ConfigKey("eval.classifier")]
        [Description("prototype or logistic_regression (config key: eval.classifier).")]
        public string? Classifier { get; init; }

        [CommandOption("--dimension <E>")]
        [DefaultValue(256)]
        [Description("Embedding dimension.")]
        public int Dimension { get; init; } = 256;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunConfig config = settings.LoadConfig();
        var eval = config.Eval;
        var result = ConsoleReporter.Run(settings.LogLevel, _ => FewShotBenchmark.Run(eval, Seed.From(config.Seed), settings.Dimension));
        var table = new Table().Title("Few-shot evaluation from cached embeddings").AddColumns("episodes", "setting", "classifier", "dimension", "sampling s", "evaluation s", "episodes/s");
        table.AddRow(
            $"{result.Episodes}", $"{eval.Way}-way {eval.Shot}-shot, {eval.Query} queries", result.Classifier.ToString(), $"{result.Dimension}",
            $"{result.Sampling.TotalSeconds:0.00}", $"{result.Evaluation.TotalSeconds:0.00}", $"{result.Episodes / Math.Max(1e-9, (result.Sampling + result.Evaluation).TotalSeconds):0}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"machine: {Markup.Escape(MachineDescription.Current().ToString())}");
        return ExitCodes.Ok;
    }
}
