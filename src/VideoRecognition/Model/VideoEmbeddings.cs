using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// What the few-shot evaluator and the segment inspection report read for a batch of B videos: computed
/// without gradients and with dropout off. The tensors belong to the caller's dispose scope.
/// </summary>
/// <param name="Embeddings">z: [B, T, E].</param>
/// <param name="Weights">w: [B, T].</param>
/// <param name="Probabilities">p_t = softmax over C+1 classes (background last), or over C without the background class: [B, T, K].</param>
/// <param name="Video">v: [B, E], the feature prototypes are built from.</param>
public sealed record VideoEmbeddings(Tensor Embeddings, Tensor Weights, Tensor Probabilities, Tensor Video);
