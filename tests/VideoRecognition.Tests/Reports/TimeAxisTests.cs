using System.Globalization;
using VideoRecognition.Reports;

namespace VideoRecognition.Tests.Reports;

/// <summary>The time axis reads well at any duration: distinct, increasing labels that say the tick's time, ending at the duration.</summary>
public sealed class TimeAxisTests
{
    [Theory]
    [InlineData(0.1)]          // a tenth of a second
    [InlineData(3 / 29.97)]    // 3 frames at 29.97 fps
    [InlineData(3 / 10.0)]     // 3 frames at 10 fps: the issue's "0, 0.0, 0.0, 0.1, 0.1, 0.10 s"
    [InlineData(10.0)]
    [InlineData(10.37)]
    [InlineData(3 * 3600.0)]   // 3 hours
    [InlineData(3 * 3600.0 + 17.4)]
    public void Labels_are_distinct_increasing_and_say_their_tick(double duration)
    {
        IReadOnlyList<double> ticks = TimeAxis.Ticks(duration);
        IReadOnlyList<string> labels = TimeAxis.Labels(duration);
        Assert.Equal(ticks.Count, labels.Count);
        Assert.InRange(ticks.Count, 4, 10);
        Assert.Equal(0.0, ticks[0]);
        Assert.Equal(duration, ticks[^1]);
        Assert.Equal(labels.Count, labels.Distinct().Count());
        double step = TimeAxis.Step(duration);
        double[] read = labels.Select(Parse).ToArray();
        for (int i = 0; i < ticks.Count; i++)
        {
            // A label is its tick rounded to what the step needs: never off by half a step or more.
            Assert.True(Math.Abs(read[i] - ticks[i]) < step / 2, $"'{labels[i]}' for {ticks[i]} s (step {step})");
            if (i > 0)
            {
                Assert.True(read[i] > read[i - 1], $"'{labels[i]}' after '{labels[i - 1]}'");
            }
        }

        Assert.All(labels, l => Assert.True(l.Length <= 8, $"'{l}' is too long for an axis label"));
    }

    [Fact]
    public void The_issue_cases_read_as_a_person_expects()
    {
        Assert.Equal(["0", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30 s"], TimeAxis.Labels(0.3));
        Assert.Equal(["0", "2", "4", "6", "8", "10 s"], TimeAxis.Labels(10));
        Assert.Equal(["0:00:00", "0:30:00", "1:00:00", "1:30:00", "2:00:00", "2:30:00", "3:00:00"], TimeAxis.Labels(3 * 3600));
        Assert.Equal(["0", "0.02", "0.04", "0.06", "0.08", "0.10 s"], TimeAxis.Labels(0.1));
    }

    [Fact]
    public void Durations_read_as_seconds_minutes_or_hours()
    {
        Assert.Equal("0.30 s", TimeAxis.Label(0.3, 0.05, 0.3, last: true));
        Assert.Equal("1:30", TimeAxis.Clock(90, hours: false));
        Assert.Equal("3:00:00", TimeAxis.Clock(10800, hours: true));
    }

    private static double Parse(string label)
    {
        string text = label.EndsWith(" s", StringComparison.Ordinal) ? label[..^2] : label;
        string[] parts = text.Split(':');
        return parts.Length switch
        {
            1 => double.Parse(parts[0], CultureInfo.InvariantCulture),
            2 => (int.Parse(parts[0], CultureInfo.InvariantCulture) * 60) + double.Parse(parts[1], CultureInfo.InvariantCulture),
            _ => (int.Parse(parts[0], CultureInfo.InvariantCulture) * 3600) + (int.Parse(parts[1], CultureInfo.InvariantCulture) * 60) + double.Parse(parts[2], CultureInfo.InvariantCulture),
        };
    }
}
