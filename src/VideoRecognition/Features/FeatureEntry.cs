using VideoRecognition.Video;

namespace VideoRecognition.Features;

/// <summary>
/// One video of a store (a line of index.jsonl). Offset is where its features start in features.f16, or
/// -1 when the video could not be read (Problem says why): a bad video is recorded, never fatal.
/// </summary>
public sealed record FeatureEntry(
    string Id,
    string Label,
    string Subset,
    int Frames,
    double Fps,
    double Duration,
    long Offset,
    string? Problem)
{
    /// <summary>
    /// The test view's segment bounds in seconds (segments + 1 values) from the sampled frames' own timestamps,
    /// for a variable-frame-rate video, where frame / <see cref="Fps"/> strays from the real timeline; null for
    /// a constant rate (and in stores written before it existed), where frame / fps is exact.
    /// </summary>
    public IReadOnlyList<double>? SegmentSeconds { get; init; }

    public bool HasFeatures => Offset >= 0;

    public FeatureEntry Failed(string problem) => this with { Offset = -1, Problem = problem };

    /// <summary>Segment bounds in seconds: each segment's start, then the last one's end.</summary>
    public static IReadOnlyList<double> Bounds(IReadOnlyList<SampledSegment> segments) =>
        [.. segments.Select(s => s.StartSeconds), segments[^1].EndSeconds];

    /// <summary>Each test-view segment's start and end in seconds: the stored ones, else equal parts of the duration.</summary>
    public (double[] Starts, double[] Ends) SegmentTimes(int segments)
    {
        if (SegmentSeconds is { } bounds && bounds.Count == segments + 1)
        {
            return (bounds.Take(segments).ToArray(), bounds.Skip(1).ToArray());
        }

        double length = Duration / segments;
        return (Enumerable.Range(0, segments).Select(t => t * length).ToArray(), Enumerable.Range(0, segments).Select(t => (t + 1) * length).ToArray());
    }

    /// <summary>The test view's segments (centre frames) with the stored segment times where there are any, else frame / fps.</summary>
    public IReadOnlyList<SampledSegment> TestSegments(int segments)
    {
        IReadOnlyList<SampledSegment> sampled = new SegmentSampler(segments).TestFrames(Frames, Fps);
        return SegmentSeconds is { } bounds && bounds.Count == segments + 1
            ? sampled.Select(s => s with { StartSeconds = bounds[s.Index], EndSeconds = bounds[s.Index + 1] }).ToList()
            : sampled;
    }
}
