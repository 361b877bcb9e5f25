using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace VideoRecognition.Model;

/// <summary>
/// e: backbone feature x_t -> segment embedding z_t, the space few-shot prototypes live in. Two layers so the
/// head can re-shape frozen backbone features; dropout because cached features make over-fitting cheap.
/// </summary>
public sealed class EmbeddingHead : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> hidden;
    private readonly Module<Tensor, Tensor> relu;
    private readonly Module<Tensor, Tensor> dropout;
    private readonly Module<Tensor, Tensor> output;

    public EmbeddingHead(long featureDim, long hiddenDim, long embeddingDim, double dropoutRate, string name = "embedding")
        : base(name)
    {
        hidden = Linear(featureDim, hiddenDim);
        relu = ReLU();
        dropout = Dropout(dropoutRate);
        output = Linear(hiddenDim, embeddingDim);
        RegisterComponents();
    }

    /// <param name="x">[..., D] segment features.</param>
    /// <returns>[..., E] segment embeddings.</returns>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor h = dropout.call(relu.call(hidden.call(x))); // [..., hidden]
        return output.call(h).MoveToOuterDisposeScope();                  // [..., E]
    }
}
