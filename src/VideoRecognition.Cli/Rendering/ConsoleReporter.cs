using System.Collections.Concurrent;
using Spectre.Console;
using VideoRecognition.Progress;

namespace VideoRecognition.Cli.Rendering;

/// <summary>
/// Renders the engine's progress on the terminal: live bars with rate and ETA when a person is watching,
/// one plain line every few seconds when the output goes to a file or a CI log.
/// </summary>
internal static class ConsoleReporter
{
    public static T Run<T>(LogLevel minimum, Func<IProgressReporter, T> job)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return job(new PlainProgress(minimum));
        }

        T result = default!;
        var units = new ConcurrentDictionary<int, string>();
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new CountColumn(),
                new RateColumn(units),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .Start(context => result = job(new LiveProgress(context, units, minimum)));
        return result;
    }

    public static void WriteLog(LogLevel level, string message)
    {
        string style = level switch
        {
            LogLevel.Error => "red",
            LogLevel.Warning => "yellow",
            LogLevel.Debug => "grey",
            _ => "default",
        };
        string prefix = level == LogLevel.Info ? string.Empty : $"{level.ToString().ToLowerInvariant()}: ";
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // A log file or a pipe: one line per message, never wrapped at the assumed 80 columns, so it can be searched.
            AnsiConsole.Profile.Out.Writer.WriteLine(prefix + message);
            return;
        }

        AnsiConsole.MarkupLine($"[{style}]{Markup.Escape(prefix + message)}[/]");
    }
}
