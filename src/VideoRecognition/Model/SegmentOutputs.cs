using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// One forward pass of <see cref="AnnotationEfficientModel"/> over a batch of B videos of T segments.
/// The tensors belong to the caller's dispose scope.
/// </summary>
/// <param name="Embeddings">z: [B, T, E].</param>
/// <param name="SegmentLogits">g(z): [B, T, C+1] with the background class at index C, or [B, T, C] without it.</param>
/// <param name="Weights">w: [B, T].</param>
/// <param name="Video">v = sum_t w_t z_t / sum_t w_t: [B, E].</param>
/// <param name="VideoLogits">g(v) over the C base classes only: [B, C].</param>
public sealed record SegmentOutputs(Tensor Embeddings, Tensor SegmentLogits, Tensor Weights, Tensor Video, Tensor VideoLogits);
