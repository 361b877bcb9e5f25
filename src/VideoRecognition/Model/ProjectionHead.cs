using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace VideoRecognition.Model;

/// <summary>
/// The SimCLR projection h: z_t -> q_t. The contrastive loss is computed on q, so the invariances it forces
/// (to augmentation) are absorbed here and z keeps information few-shot matching needs.
/// </summary>
public sealed class ProjectionHead : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> hidden;
    private readonly Module<Tensor, Tensor> relu;
    private readonly Module<Tensor, Tensor> output;

    public ProjectionHead(long embeddingDim, long projectionDim, string name = "projection")
        : base(name)
    {
        hidden = Linear(embeddingDim, embeddingDim);
        relu = ReLU();
        output = Linear(embeddingDim, projectionDim);
        RegisterComponents();
    }

    /// <param name="z">[..., E] segment embeddings.</param>
    /// <returns>[..., P] projections (not normalised; the loss normalises).</returns>
    public override Tensor forward(Tensor z)
    {
        using var scope = NewDisposeScope();
        return output.call(relu.call(hidden.call(z))).MoveToOuterDisposeScope();
    }
}
