using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli;

/// <summary>
/// Turns any failure into one clear message and an exit code. Stack traces only appear for bugs in
/// vrec itself, and then only with VREC_DEBUG=1; a user's mistake is never answered with one.
/// </summary>
internal static class FailureReport
{
    private static readonly IAnsiConsole Error = CreateErrorConsole();

    public static int Write(Exception exception)
    {
        (int code, string message) = exception switch
        {
            CommandParseException or CommandRuntimeException => (ExitCodes.Usage, exception.Message),
            BadInputException => (ExitCodes.Usage, exception.Message),
            VideoRecognition.Training.TrainingDivergedException => (ExitCodes.Failure, exception.Message),
            OperationCanceledException => (ExitCodes.Interrupted, "interrupted; finished outputs are kept and a rerun continues from them"),
            // A path the user gave (or one a folder they gave should hold) that is not there: their input, named.
            FileNotFoundException missing => (ExitCodes.Usage, $"file not found: {missing.FileName ?? missing.Message}"),
            DirectoryNotFoundException => (ExitCodes.Usage, exception.Message),
            IOException or UnauthorizedAccessException => (ExitCodes.Failure, exception.Message),
            _ => (ExitCodes.Failure, $"internal error ({exception.GetType().Name}): {exception.Message}"),
        };

        Error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        if (code == ExitCodes.Usage && exception is CommandParseException or CommandRuntimeException)
        {
            Error.MarkupLine("See 'vrec --help' or 'vrec <command> --help'.");
        }

        if (Environment.GetEnvironmentVariable("VREC_DEBUG") == "1")
        {
            Error.WriteLine(exception.ToString());
        }

        return code;
    }

    private static IAnsiConsole CreateErrorConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            // A log file or a CI page has no width: keep each message on its own unbroken lines.
            console.Profile.Width = 4096;
        }

        return console;
    }
}
