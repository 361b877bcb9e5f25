using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// B videos of T segments as the training loop hands them to <see cref="TrainingObjective"/>.
/// </summary>
/// <param name="Features">[B, T, D]: the view the classification losses and the pseudo-labels see.</param>
/// <param name="Labels">[B] int64 base-class labels in [0, C).</param>
/// <param name="ViewA">[B, T, D]: one augmented view, when the contrastive loss is on.</param>
/// <param name="ViewB">[B, T, D]: another augmented view of the same segments.</param>
/// <param name="NbgPrior">[B, T]: the segments' <see cref="NeighbourLabelPrior"/> scores, when the trainer computed them.</param>
public sealed record TrainingBatch(Tensor Features, Tensor Labels, Tensor? ViewA = null, Tensor? ViewB = null, Tensor? NbgPrior = null);
