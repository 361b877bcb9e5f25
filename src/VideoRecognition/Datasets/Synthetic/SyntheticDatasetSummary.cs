namespace VideoRecognition.Datasets.Synthetic;

/// <summary>What `vrec synth` wrote: where, how much, and how the classes were split.</summary>
public sealed record SyntheticDatasetSummary(
    string OutputFolder,
    int Videos,
    int TrainingVideos,
    int ValidationVideos,
    long Frames,
    double Seconds,
    int BaseClasses,
    int ValClasses,
    int NovelClasses,
    TimeSpan Elapsed);
