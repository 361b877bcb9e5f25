namespace VideoRecognition.Training;

/// <summary>
/// What a checkpoint is, besides its weights: where training stood, and the identity of the model (base
/// classes, feature dimension, model config) that a later `vrec eval` or `--resume` checks against, so a
/// checkpoint of another model is refused with a message instead of failing inside libtorch. Mode is null in
/// checkpoints written before end-to-end training existed, which were all cached.
/// </summary>
public sealed record CheckpointState(
    int FormatVersion,
    int Epoch,
    long Step,
    double? ValidationAccuracy,
    double? BestValidationAccuracy,
    int BestEpoch,
    int FeatureDimension,
    IReadOnlyList<string> BaseClasses,
    string ModelConfig,
    string Backbone,
    TrainingMode? Mode = null)
{
    public const int CurrentFormatVersion = 1;
}
