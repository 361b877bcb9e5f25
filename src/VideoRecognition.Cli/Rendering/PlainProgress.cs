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
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Lock _gate = new();
        private long _done;
        private TimeSpan _lastLine;
        private bool _finished;

        public void Advance(long count = 1)
        {
            lock (_gate)
            {
                _done += count;
                if (_clock.Elapsed - _lastLine >= Interval)
                {
                    _lastLine = _clock.Elapsed;
                    owner.Log(LogLevel.Info, $"{description}: {Status()}");
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (!_finished)
                {
                    _finished = true;
                    owner.Log(LogLevel.Info, $"{description}: done, {Status()} in {_clock.Elapsed.TotalSeconds:0.0} s");
                }
            }
        }

        private string Status()
        {
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
            double rate = _done / seconds;
            string eta = rate > 0 && _done < total ? $", ETA {TimeSpan.FromSeconds((total - _done) / rate):hh\\:mm\\:ss}" : string.Empty;
            return $"{_done}/{total} {unit}, {rate:0.0} {unit}/s{eta}";
        }
    }
}
