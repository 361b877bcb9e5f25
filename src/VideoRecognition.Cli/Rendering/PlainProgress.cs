using System.Diagnostics;
using VideoRecognition.Progress;

namespace VideoRecognition.Cli.Rendering;

/// <summary>
/// Progress for logs and CI: a line when a task starts, at most one every few seconds while it runs
/// (count, rate, ETA), and one when it ends.
/// </summary>
internal sealed class PlainProgress(LogLevel minimum) : IProgressReporter
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public IProgressTask Start(string description, long total, string unit)
    {
        Log(LogLevel.Info, $"{description}: {total} {unit}");
        return new Task(this, description, total, unit);
    }

    public void Log(LogLevel level, string message)
    {
        if (level >= minimum)
        {
            ConsoleReporter.WriteLog(level, message);
        }
    }

    private sealed class Task(PlainProgress owner, string description, long total, string unit) : IProgressTask
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Lock gate = new();
        private long done;
        private TimeSpan lastLine;
        private bool finished;

        public void Advance(long count = 1)
        {
            lock (gate)
            {
                done += count;
                if (clock.Elapsed - lastLine >= Interval)
                {
                    lastLine = clock.Elapsed;
                    owner.Log(LogLevel.Info, $"{description}: {Status()}");
                }
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                if (!finished)
                {
                    finished = true;
                    owner.Log(LogLevel.Info, $"{description}: done, {Status()} in {clock.Elapsed.TotalSeconds:0.0} s");
                }
            }
        }

        private string Status()
        {
            double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            double rate = done / seconds;
            string eta = rate > 0 && done < total ? $", ETA {TimeSpan.FromSeconds((total - done) / rate):hh\\:mm\\:ss}" : string.Empty;
            return $"{done}/{total} {unit}, {rate:0.0} {unit}/s{eta}";
        }
    }
}
