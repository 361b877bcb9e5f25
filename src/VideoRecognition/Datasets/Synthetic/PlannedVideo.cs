namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// One video before rendering: id, labelled class, subset, the scene it is filmed in (its class's home scene
/// or another), timeline, and the seed its pixels come from.
/// </summary>
public sealed record PlannedVideo(string Id, int Index, SyntheticClass Class, string Subset, Scene Scene, VideoTimeline Timeline, Runtime.Seed Seed);
