using Spectre.Console.Cli;
using VideoRecognition.Configuration;
using VideoRecognition.Runs;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec config`: what a run with these options would use.</summary>
internal sealed class ConfigCommand : Command<RunSettings>
{
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        Console.Out.Write(RunConfigFile.ToYaml(settings.LoadConfig()));
        return ExitCodes.Ok;
    }
}
