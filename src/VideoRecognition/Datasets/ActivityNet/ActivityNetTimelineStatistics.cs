namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>
/// How long untrimmed videos are and how their annotated action time is laid out: the numbers the
/// synthetic benchmark's timelines are drawn from, and the measurement that checks them.
/// </summary>
/// <remarks>
/// DurationDeciles: Duration in seconds at 0%, 10%, ..., 100% (11 values).
/// ForegroundFractionQuantiles: Foreground fraction at <see cref="ForegroundQuantileLevels"/>.
/// ShareNearlyAllForeground: Share of videos whose foreground fraction exceeds 0.98.
/// InstanceCountProbabilities: P(1), ..., P(8) instances, then P(9 or more) (9 values).
/// InstanceLengthMean: Mean of instance length divided by video duration.
/// </remarks>
public sealed record ActivityNetTimelineStatistics(
    int Videos,
    double DurationMean,
    double DurationMedian,
    double DurationStd,
    IReadOnlyList<double> DurationDeciles,
    double ForegroundFractionMean,
    double ForegroundFractionMedian,
    double ForegroundFractionStd,
    IReadOnlyList<double> ForegroundFractionQuantiles,
    double ShareNearlyAllForeground,
    IReadOnlyList<double> InstanceCountProbabilities,
    double InstanceCountMean,
    double InstanceLengthMean,
    double InstanceLengthMedian)
{
    public static readonly IReadOnlyList<double> ForegroundQuantileLevels = [0.05, 0.25, 0.50, 0.75, 0.95];

    /// <summary>
    /// ActivityNet v1.3, measured by <see cref="Measure"/> on ../shared/data/activitynet/anet_anno_action.json
    /// (the proposal-style layout of the v1.3 training + validation annotations): the 14,377 videos that have
    /// at least one annotated segment (the 4,851 test videos have none). Foreground fraction = length of the
    /// union of the segments clipped to [0, duration], over duration; quantiles interpolate linearly between
    /// order statistics; standard deviations are population ones. The test ActivityNetTimelineStatisticsTests
    /// recomputes them from the file when it is present.
    /// </summary>
    public static readonly ActivityNetTimelineStatistics V13 = new(
        Videos: 14_377,
        DurationMean: 117.84,
        DurationMedian: 115.38,
        DurationStd: 66.93,
        DurationDeciles: [1.58, 29.91, 51.27, 70.47, 91.86, 115.38, 137.6, 161.45, 185.48, 211.14, 755.11],
        ForegroundFractionMean: 0.6533,
        ForegroundFractionMedian: 0.7180,
        ForegroundFractionStd: 0.2838,
        ForegroundFractionQuantiles: [0.12, 0.438, 0.718, 0.90, 0.999],
        ShareNearlyAllForeground: 0.1106,
        InstanceCountProbabilities: [0.7545, 0.1303, 0.0477, 0.0279, 0.0148, 0.0093, 0.0051, 0.0038, 0.0066],
        InstanceCountMean: 1.5408,
        InstanceLengthMean: 0.4272,
        InstanceLengthMedian: 0.3271);

    /// <summary>Measures the statistics of annotated timelines (videos without segments are skipped, as above).</summary>
    public static ActivityNetTimelineStatistics Measure(IEnumerable<AnnotatedTimeline> timelines)
    {
        var durations = new List<double>();
        var fractions = new List<double>();
        var counts = new List<int>();
        var lengths = new List<double>();
        foreach (AnnotatedTimeline timeline in timelines)
        {
            if (timeline.Segments.Count == 0 || timeline.Duration <= 0)
            {
                continue;
            }

            durations.Add(timeline.Duration);
            fractions.Add(UnionLength(timeline) / timeline.Duration);
            counts.Add(timeline.Segments.Count);
            lengths.AddRange(timeline.Segments.Select(s => (s.End - s.Start) / timeline.Duration));
        }

        if (durations.Count == 0)
        {
            throw new ArgumentException("No timeline has an annotated segment.", nameof(timelines));
        }

        double[] countProbabilities = new double[9];
        foreach (int count in counts)
        {
            countProbabilities[Math.Min(count, 9) - 1] += 1.0 / counts.Count;
        }

        return new ActivityNetTimelineStatistics(
            durations.Count,
            durations.Average(),
            Quantile(durations, 0.5),
            Std(durations),
            Enumerable.Range(0, 11).Select(i => Quantile(durations, i / 10.0)).ToArray(),
            fractions.Average(),
            Quantile(fractions, 0.5),
            Std(fractions),
            ForegroundQuantileLevels.Select(q => Quantile(fractions, q)).ToArray(),
            fractions.Count(f => f > 0.98) / (double)fractions.Count,
            countProbabilities,
            counts.Average(),
            lengths.Average(),
            Quantile(lengths, 0.5));
    }

    /// <summary>Linear interpolation between order statistics (the common "type 7" definition).</summary>
    public static double Quantile(IReadOnlyCollection<double> values, double level)
    {
        double[] sorted = values.Order().ToArray();
        double position = level * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static double Std(IReadOnlyCollection<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    // Annotators sometimes overlap instances or run past the end; count each covered second once.
    private static double UnionLength(AnnotatedTimeline timeline)
    {
        double covered = 0;
        double reach = 0;
        foreach ((double start, double end) in timeline.Segments
                     .Select(s => (Math.Max(0, s.Start), Math.Min(timeline.Duration, s.End)))
                     .Where(s => s.Item2 > s.Item1)
                     .OrderBy(s => s.Item1))
        {
            double from = Math.Max(start, reach);
            if (end > from)
            {
                covered += end - from;
                reach = end;
            }
        }

        return covered;
    }
}

/// <summary>A video's duration and its annotated segments (seconds), whatever file they came from.</summary>
public sealed record AnnotatedTimeline(double Duration, IReadOnlyList<(double Start, double End)> Segments);
