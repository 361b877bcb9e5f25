namespace VideoRecognition.Features;

/// <summary>
/// What an extraction run did. Decode and Inference are the time spent in each stage (summed over
/// workers); with the overlap working, Elapsed approaches the larger of the two rather than their sum.
/// </summary>
public sealed record ExtractionSummary(
    int Videos,
    int Extracted,
    int Failed,
    int AlreadyDone,
    long Segments,
    TimeSpan Elapsed,
    TimeSpan Decode,
    TimeSpan Inference)
{
    /// <summary>Time per pipeline stage (decode, transform, queue waits, batch assembly, forward, write).</summary>
    public IReadOnlyList<StageTime> Stages { get; init; } = [];

    public double VideosPerSecond => Extracted / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double SegmentsPerSecond => Segments / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
