namespace VideoRecognition.Training;

/// <summary>What `vrec train` produced.</summary>
public sealed record TrainingSummary(
    string RunFolder,
    int Epochs,
    long Steps,
    int Videos,
    int Classes,
    double BaseAccuracy,
    double? BestValidationAccuracy,
    int BestEpoch,
    string BestCheckpoint,
    string ExportedStateDict,
    TimeSpan Elapsed,
    double VideosPerSecond);
