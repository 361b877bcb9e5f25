using Spectre.Console.Cli;
using VideoRecognition.Cli.Commands;
using VideoRecognition.Video;

namespace VideoRecognition.Cli;

/// <summary>
/// What every command does before it runs (options left without a value are refused; the native video libraries
/// log at vrec's level) and after it succeeded (the effective configuration it held back is saved).
/// </summary>
internal sealed class CommandPrologue : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        MissingOptionValue.Refuse(settings);
        if (settings is RunSettings run)
        {
            NativeVideoLog.Follow(run.LogLevel);
        }
    }

    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
        if (result == ExitCodes.Ok && settings is RunSettings run)
        {
            run.SaveHeldConfig();
        }
    }
}
