using System.ComponentModel;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
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

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Where bench-eval.json is written.")]
        [DefaultValue("runs/bench")]
        public string Output { get; init; } = "runs/bench";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunConfig config = settings.LoadConfig();
        string output = OutputFolder.Prepare(settings.Output);
        var report = ConsoleReporter.Run(settings.LogLevel, _ => FewShotBenchmarkReport.Run(config.Eval, Seed.From(config.Seed), settings.Dimension, output));
        SummaryTable.Write(report);
        return ExitCodes.Ok;
    }
}
