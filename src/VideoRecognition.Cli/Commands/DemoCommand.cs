using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec demo`: the whole job on the built-in synthetic default.</summary>
internal sealed class DemoCommand : Command<DemoCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("-o|--out <FOLDER>")]
        [Description("Run folder; the synthetic dataset goes to <FOLDER>/synthetic.")]
        [DefaultValue("runs/demo")]
        public string Output { get; init; } = "runs/demo";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string output = OutputFolder.Prepare(settings.Output);
        RunConfig config = DemoPipeline.Arrange(settings.LoadConfig(), output);
        settings.PrepareOutput(config, output);
        BackwardPassGuard.Apply(config);

        DemoResult result = ConsoleReporter.Run(settings.LogLevel, progress =>
            DemoPipeline.Run(config, output, progress, cancellationToken));

        if (result.Dataset is not null)
        {
            SummaryTable.Write(result.Dataset);
        }

        SummaryTable.Write(result.Extraction, Path.Combine(result.OutputFolder, "features"));
        SummaryTable.Write(result.Evaluations, config.Seed);
        AnsiConsole.MarkupLine($"This is one seed (seed {config.Seed}); the ± intervals measure only which episodes were drawn. For evidence across seeds (README \"Results\"): [bold]{Markup.Escape(DemoTable.StudyCommand)}[/]");
        if (result.Report is not null)
        {
            AnsiConsole.MarkupLine($"Inspection report: [bold]{Markup.Escape(result.Report)}[/]");
        }

        AnsiConsole.MarkupLine($"Result table (markdown): [bold]{Markup.Escape(result.Table)}[/]");
        AnsiConsole.MarkupLine($"Run folder: [bold]{Markup.Escape(result.OutputFolder)}[/]");
        return ExitCodes.Ok;
    }
}
