namespace VideoRecognition.Datasets.Synthetic;

/// <summary>One video before rendering: id, labelled class, subset, timeline, and the seed its pixels come from.</summary>
public sealed record PlannedVideo(string Id, int Index, SyntheticClass Class, string Subset, VideoTimeline Timeline, Runtime.Seed Seed);
