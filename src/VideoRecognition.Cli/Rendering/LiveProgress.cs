using System.Collections.Concurrent;
using Spectre.Console;
using VideoRecognition.Progress;

namespace VideoRecognition.Cli.Rendering;

/// <summary>Progress bars on an interactive terminal.</summary>
internal sealed class LiveProgress(ProgressContext context, ConcurrentDictionary<int, string> units, LogLevel minimum) : IProgressReporter
{
    private readonly Lock gate = new();

    public IProgressTask Start(string description, long total, string unit)
    {
        lock (gate)
        {
            var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
            units[task.Id] = unit;
            return new Bar(task, gate);
        }
    }

    public void Log(LogLevel level, string message)
    {
        if (level >= minimum)
        {
            ConsoleReporter.WriteLog(level, message);
        }
    }

    private sealed class Bar(ProgressTask task, Lock gate) : IProgressTask
    {
        public void Advance(long count = 1)
        {
            lock (gate)
            {
                task.Increment(count);
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }
}
