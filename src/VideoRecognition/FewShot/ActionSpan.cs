namespace VideoRecognition.FewShot;

/// <summary>A time interval [Start, End) in seconds where an action happens (ground truth or predicted).</summary>
public readonly record struct ActionSpan(double Start, double End)
{
    public double Length => Math.Max(0.0, End - Start);
}

/// <summary>Ground truth for localisation: where the labelled action happens in one video.</summary>
public sealed record VideoActionSpans(string Id, IReadOnlyList<ActionSpan> Spans);
