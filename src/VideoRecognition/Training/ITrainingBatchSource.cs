using TorchSharp.Modules;
using VideoRecognition.Model;
using static TorchSharp.torch;

namespace VideoRecognition.Training;

/// <summary>
/// Where the training loop's [B, T, D] segment features come from: the feature store (cached mode) or
/// videos decoded and embedded by a backbone that trains with the heads (end-to-end mode). The loop, its
/// schedule, checkpoints and logs are the same for both; only this differs.
/// </summary>
public interface ITrainingBatchSource : IDisposable
{
    /// <summary>Id of every video the source holds; positions index this list.</summary>
    IReadOnlyList<string> VideoIds { get; }

    /// <summary>Class name of every video, in the same order.</summary>
    IReadOnlyList<string> VideoLabels { get; }

    /// <summary>Names the source in messages: "the feature store data/features".</summary>
    string Description { get; }

    int Segments { get; }

    int FeatureDimension { get; }

    /// <summary>The backbone's name, recorded in checkpoints.</summary>
    string Backbone { get; }

    TrainingMode Mode { get; }

    Device Device { get; }

    /// <summary>Videos per call of <see cref="TestFeatures"/>: bounds the memory of whole-set evaluations.</summary>
    int EvaluationBatch { get; }

    /// <summary>Backbone parameters trained with the heads; empty in cached mode.</summary>
    IReadOnlyList<Parameter> TrainableParameters { get; }

    /// <summary>The trained backbone, saved with every checkpoint; null in cached mode.</summary>
    nn.Module? TrainableModule { get; }

    /// <summary>
    /// The batches of one epoch, in the order of <paramref name="steps"/>. Tensors are made while the
    /// enumerator advances, so the caller's per-step dispose scope must be open when it calls MoveNext.
    /// The epoch number seeds the augmentation, so a resumed epoch sees the same views as an uninterrupted one.
    /// </summary>
    IEnumerable<TrainingBatch> Epoch(int epoch, IReadOnlyList<BatchRows> steps, bool contrastive, CancellationToken ct);

    /// <summary>[B, T, D] of each video's test view, without an autograd graph.</summary>
    Tensor TestFeatures(IReadOnlyList<int> positions);

    /// <summary>Training or inference behaviour of the trained backbone; a no-op in cached mode.</summary>
    void SetTraining(bool training);
}

/// <summary>One step's videos: positions in the source and their base-class labels.</summary>
public sealed record BatchRows(int[] Positions, int[] Labels);
