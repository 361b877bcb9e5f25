using System.Globalization;

namespace VideoRecognition.Reports;

/// <summary>
/// A readable time axis for any duration, from a tenth of a second (a 3-frame clip) to hours: about eight ticks
/// at a round step (1-2-5 below ten seconds, then 10 s, 15 s, 30 s, 1, 2, 5, 10, 15, 30 minutes, 1, 2, 3, 6, 12 hours),
/// then the exact end. Labels carry just the decimals their step needs, and from a one-minute step on read as
/// a clock (m:ss, or h:mm:ss from an hour), so no two ticks ever read the same.
/// </summary>
public static class TimeAxis
{
    private static readonly double[] LongSteps = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

    /// <summary>The step between ticks for a span of <paramref name="duration"/> seconds.</summary>
    public static double Step(double duration)
    {
        double raw = Math.Max(duration, 1e-6) / 8.0;
        if (raw > 5.0)
        {
            return LongSteps.FirstOrDefault(s => s >= raw, Math.Ceiling(raw / 86400) * 86400);
        }

        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw * (1 - 1e-12));
    }

    /// <summary>Tick positions in seconds: multiples of the step, then the exact end (a tick too close to the end is dropped).</summary>
    public static IReadOnlyList<double> Ticks(double duration)
    {
        double step = Step(duration);
        var ticks = new List<double>();
        for (int i = 0; i * step < duration - 0.4 * step; i++)
        {
            ticks.Add(i * step);
        }

        ticks.Add(duration);
        return ticks;
    }

    /// <summary>The labels of <see cref="Ticks"/>: the last carries its unit (" s"), clock labels need none.</summary>
    public static IReadOnlyList<string> Labels(double duration)
    {
        double step = Step(duration);
        IReadOnlyList<double> ticks = Ticks(duration);
        return ticks.Select((t, i) => Label(t, step, duration, last: i == ticks.Count - 1)).ToList();
    }

    /// <summary>Seconds as the axis of a span of <paramref name="duration"/> shows them.</summary>
    public static string Label(double seconds, double step, double duration, bool last)
    {
        if (step >= 60)
        {
            return Clock(seconds, duration >= 3600);
        }

        if (seconds == 0 && !last)
        {
            return "0";
        }

        int decimals = Decimals(step);
        if (last && Math.Abs(seconds - (Math.Round(seconds / step) * step)) > 1e-9)
        {
            decimals++; // the end between two ticks: one more digit keeps it apart from the tick before it
        }

        string text = seconds.ToString("F" + decimals, CultureInfo.InvariantCulture);
        return last ? text + " s" : text;
    }

    /// <summary>m:ss, or h:mm:ss when <paramref name="hours"/>; seconds rounded.</summary>
    public static string Clock(double seconds, bool hours)
    {
        long total = (long)Math.Round(seconds);
        return hours
            ? $"{total / 3600}:{total / 60 % 60:D2}:{total % 60:D2}"
            : $"{total / 60}:{total % 60:D2}";
    }

    private static int Decimals(double step)
    {
        for (int d = 0; d < 6; d++)
        {
            double scaled = step * Math.Pow(10, d);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6)
            {
                return d;
            }
        }

        return 6;
    }
}
