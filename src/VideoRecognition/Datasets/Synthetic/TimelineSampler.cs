using VideoRecognition.Datasets.ActivityNet;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// Draws video timelines (no pixels) whose duration, foreground fraction and instance count follow
/// ActivityNet v1.3 (<see cref="ActivityNetTimelineStatistics.V13"/>):
/// duration = DurationScale x (piecewise-linear inverse CDF through the deciles, exponential top decile), at least MinDuration;
/// foreground fraction = piecewise-linear inverse CDF through the 5/25/50/75/95% quantiles (it keeps the
/// median exact and the mean within 0.01, which a moment-fitted Beta does not: that Beta's median is off);
/// instance count from the categorical distribution (9+ spread evenly over 9..14, which restores the mean);
/// instance lengths and background gaps from flat Dirichlet draws. Background gaps are cut into a few pieces,
/// each NBG with probability NbgShareOfBackground, else IBG.
/// </summary>
public sealed class TimelineSampler
{
    private readonly SyntheticConfig config;
    private readonly ActivityNetTimelineStatistics statistics;
    private readonly double[] fractionLevels;
    private readonly double[] fractionValues;

    public TimelineSampler(SyntheticConfig config, ActivityNetTimelineStatistics? statistics = null)
    {
        this.config = config;
        this.statistics = statistics ?? ActivityNetTimelineStatistics.V13;

        // The extremes are not among the fitted quantiles: a video has at least some action, and at most all of it.
        fractionLevels = [0.0, .. ActivityNetTimelineStatistics.ForegroundQuantileLevels, 1.0];
        fractionValues = [0.01, .. this.statistics.ForegroundFractionQuantiles, 1.0];
        MinSpanFrames = Math.Max(3, (int)Math.Ceiling(0.3 * config.Fps));
    }

    /// <summary>Shortest span; shorter pieces would not hold a sampled segment and would be invisible in a timeline.</summary>
    public int MinSpanFrames { get; }

    public VideoTimeline Sample(Random random, int ownClass, int classCount)
    {
        double seconds = config.DurationScale * DrawActivityNetDuration(random.NextDouble());
        int frames = Math.Max(3 * MinSpanFrames, (int)Math.Round(Math.Max(config.MinDuration, seconds) * config.Fps));

        double fraction = InverseCdf(fractionLevels, fractionValues, random.NextDouble());
        int foreground = Math.Clamp((int)Math.Round(fraction * frames), MinSpanFrames, frames);
        int background = frames - foreground;
        if (background > 0 && background < MinSpanFrames)
        {
            background = MinSpanFrames;
            foreground = frames - background;
        }

        // Instances need gaps between them: rather than drop instances from a nearly all-action video
        // (ActivityNet has many), give up a little action time; drop instances only when they cannot fit.
        int instances = DrawInstanceCount(random);
        while (instances > 1 && ((2 * instances) - 1) * MinSpanFrames > frames)
        {
            instances--;
        }

        if (background < (instances - 1) * MinSpanFrames)
        {
            background = (instances - 1) * MinSpanFrames;
            foreground = frames - background;
        }
        else if (foreground < instances * MinSpanFrames)
        {
            foreground = instances * MinSpanFrames;
            background = frames - foreground;
        }

        int[] lengths = Partition(foreground, instances, MinSpanFrames, random);
        int[] gaps = Gaps(background, instances, random);

        var spans = new List<TimelineSpan>();
        int cursor = 0;
        for (int i = 0; i <= instances; i++)
        {
            cursor = AddBackground(spans, cursor, gaps[i], ownClass, classCount, random);
            if (i < instances)
            {
                spans.Add(new TimelineSpan(cursor, cursor + lengths[i], SpanKind.FG, SpanContent.Action, ownClass));
                cursor += lengths[i];
            }
        }

        return new VideoTimeline(frames, MergeAlike(spans));
    }

    /// <summary>
    /// ActivityNet duration (seconds, unscaled) at CDF level u: linear between the deciles up to 90%; the top decile
    /// is an exponential tail from the 90% decile whose mean makes the overall mean match DurationMean (a straight
    /// line to the 755 s maximum would put the mean at 143 s instead of 118 s and leave a density cliff at 90%).
    /// </summary>
    public double DrawActivityNetDuration(double u)
    {
        IReadOnlyList<double> deciles = statistics.DurationDeciles;
        if (u <= 0.9)
        {
            return InverseCdf(DecileLevels, deciles, u);
        }

        return Math.Min(deciles[10], deciles[9] - (TopDecileMeanExcess * Math.Log((1 - u) / 0.1)));
    }

    private static readonly double[] DecileLevels = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();

    /// <summary>Mean seconds beyond the 90% decile of the videos above it (17.5 s for ActivityNet v1.3).</summary>
    public double TopDecileMeanExcess
    {
        get
        {
            IReadOnlyList<double> d = statistics.DurationDeciles;
            double lowerNine = Enumerable.Range(0, 9).Sum(i => 0.1 * (d[i] + d[i + 1]) / 2);
            return Math.Max(1.0, ((statistics.DurationMean - lowerNine) / 0.1) - d[9]);
        }
    }

    /// <summary>Piecewise-linear inverse CDF through (levels[i], values[i]).</summary>
    public static double InverseCdf(IReadOnlyList<double> levels, IReadOnlyList<double> values, double u)
    {
        for (int i = 1; i < levels.Count; i++)
        {
            if (u <= levels[i])
            {
                double t = (u - levels[i - 1]) / (levels[i] - levels[i - 1]);
                return values[i - 1] + (t * (values[i] - values[i - 1]));
            }
        }

        return values[^1];
    }

    private int DrawInstanceCount(Random random)
    {
        double u = random.NextDouble();
        IReadOnlyList<double> p = statistics.InstanceCountProbabilities;
        for (int k = 0; k < p.Count - 1; k++)
        {
            u -= p[k];
            if (u < 0)
            {
                return k + 1;
            }
        }

        return 9 + random.Next(6);
    }

    // Inner gaps keep instances apart (else two instances would read as one); outer gaps may be empty,
    // but one shorter than a span is given to its neighbour.
    private int[] Gaps(int background, int instances, Random random)
    {
        int[] gaps = new int[instances + 1];
        if (background == 0)
        {
            return gaps;
        }

        int inner = (instances - 1) * MinSpanFrames;
        double[] weights = Enumerable.Range(0, instances + 1).Select(_ => -Math.Log(1.0 - random.NextDouble())).ToArray();
        int[] extra = Apportion(background - inner, weights);
        for (int i = 0; i <= instances; i++)
        {
            gaps[i] = extra[i] + (i > 0 && i < instances ? MinSpanFrames : 0);
        }

        foreach (int outer in new[] { 0, instances })
        {
            if (gaps[outer] > 0 && gaps[outer] < MinSpanFrames)
            {
                int neighbour = instances == 1 ? instances - outer : outer == 0 ? 1 : instances - 1;
                gaps[neighbour] += gaps[outer];
                gaps[outer] = 0;
            }
        }

        return gaps;
    }

    private int AddBackground(List<TimelineSpan> spans, int cursor, int length, int ownClass, int classCount, Random random)
    {
        if (length == 0)
        {
            return cursor;
        }

        int pieces = Math.Min(length / MinSpanFrames, 1 + random.Next(3));
        foreach (int piece in Partition(length, pieces, MinSpanFrames, random))
        {
            spans.Add(DrawBackground(cursor, cursor + piece, ownClass, classCount, random));
            cursor += piece;
        }

        return cursor;
    }

    private TimelineSpan DrawBackground(int start, int end, int ownClass, int classCount, Random random)
    {
        if (random.NextDouble() < config.NbgShareOfBackground)
        {
            return new TimelineSpan(start, end, SpanKind.NBG, NbgShot.Kinds[random.Next(NbgShot.Kinds.Count)], null);
        }

        if (classCount > 1 && random.NextDouble() < config.OtherActionShareOfIbg)
        {
            // Any other class, base or novel alike: novel actions inside base videos are what IBG is about.
            int other = random.Next(classCount - 1);
            return new TimelineSpan(start, end, SpanKind.IBG, SpanContent.OtherAction, other >= ownClass ? other + 1 : other);
        }

        return new TimelineSpan(start, end, SpanKind.IBG, SpanContent.Scene, null);
    }

    /// <summary>Splits total into parts of at least min each, the rest shared by a flat Dirichlet draw.</summary>
    private static int[] Partition(int total, int parts, int min, Random random)
    {
        double[] weights = Enumerable.Range(0, parts).Select(_ => -Math.Log(1.0 - random.NextDouble())).ToArray();
        int[] shares = Apportion(total - (parts * min), weights);
        return shares.Select(s => s + min).ToArray();
    }

    /// <summary>Whole-frame shares proportional to weights, by largest remainder (ties to the earlier part).</summary>
    private static int[] Apportion(int total, double[] weights)
    {
        double sum = weights.Sum();
        double[] exact = weights.Select(w => total * w / sum).ToArray();
        int[] shares = exact.Select(e => (int)Math.Floor(e)).ToArray();
        int left = total - shares.Sum();
        foreach (int i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take(left))
        {
            shares[i]++;
        }

        return shares;
    }

    private static List<TimelineSpan> MergeAlike(List<TimelineSpan> spans)
    {
        var merged = new List<TimelineSpan>(spans.Count);
        foreach (TimelineSpan span in spans)
        {
            if (merged.Count > 0 && merged[^1] is var last && last.Kind == span.Kind && last.Content == span.Content
                && last.VisibleClass == span.VisibleClass && span.Kind != SpanKind.FG)
            {
                merged[^1] = last with { EndFrame = span.EndFrame };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }
}
