namespace VideoRecognition.Training;

/// <summary>One segment's <see cref="Model.LabelMargin"/>: how far its label is from flipping.</summary>
public sealed record SegmentMargin(string Video, int Segment, double Margin);

/// <summary>
/// Which segments to ask a person about: the ones the model is least sure of (smallest <see cref="Model.LabelMargin"/>),
/// ties broken by video id and segment so a choice never depends on the order the segments were scored in.
/// The report's suggestions and the simulated-corrections study both choose this way.
/// </summary>
public static class MarkSuggestions
{
    /// <summary>The share of a report's segments it suggests marking.</summary>
    public const double ReportShare = 0.1;

    public static IReadOnlyList<SegmentMargin> LeastSure(IEnumerable<SegmentMargin> segments, int count) =>
        segments
            .OrderBy(s => double.IsNaN(s.Margin) ? double.PositiveInfinity : s.Margin)
            .ThenBy(s => s.Video, StringComparer.Ordinal)
            .ThenBy(s => s.Segment)
            .Take(count)
            .ToList();

    /// <summary>How many of <paramref name="total"/> segments a share is: rounded, at least one (a share of a small set still asks about something).</summary>
    public static int CountOf(double share, int total) =>
        total == 0 ? 0 : Math.Clamp((int)Math.Round(share * total, MidpointRounding.AwayFromZero), 1, total);
}
