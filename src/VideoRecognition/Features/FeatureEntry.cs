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
    public bool HasFeatures => Offset >= 0;

    public FeatureEntry Failed(string problem) => this with { Offset = -1, Problem = problem };
}
