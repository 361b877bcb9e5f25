using TorchSharp;
using VideoRecognition.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace VideoRecognition.Model;

/// <summary>
/// The head trained on cached segment features: embedding e, classifier g over C base classes plus the
/// background class (index C), self-weighted pooling, and the contrastive projection h. With the baseline
/// config it is TSN: g over C classes on mean-pooled embeddings.
/// </summary>
public sealed class AnnotationEfficientModel : Module<Tensor, SegmentOutputs>
{
    private readonly EmbeddingHead embedding;
    private readonly Module<Tensor, Tensor> classifier;
    private readonly ProjectionHead? projection;

    /// <param name="featureDim">D: backbone feature width (512 for ResNet-18, 2048 for ResNet-50).</param>
    /// <param name="classCount">C: number of base classes.</param>
    /// <param name="config">The `model` section; validated here, and the baseline switch applied.</param>
    /// <param name="name">Module name (prefix of the state-dict keys).</param>
    public AnnotationEfficientModel(int featureDim, int classCount, ModelConfig config, string name = "annotation_efficient")
        : base(name)
    {
        config.Validate();
        if (featureDim < 1)
        {
            throw new BadInputException($"feature dimension must be at least 1 (got {featureDim}); check the feature store's manifest");
        }

        if (classCount < 2)
        {
            throw new BadInputException($"the base classes of the split must number at least 2 to train a classifier (got {classCount})");
        }

        Config = config.Resolved();
        FeatureDim = featureDim;
        ClassCount = classCount;

        embedding = new EmbeddingHead(featureDim, Config.HiddenDim, Config.EmbeddingDim, Config.Dropout);
        classifier = Linear(Config.EmbeddingDim, Config.BackgroundClass ? classCount + 1 : classCount);
        projection = Config.Contrastive ? new ProjectionHead(Config.EmbeddingDim, Config.ProjectionDim) : null;
        RegisterComponents();
    }

    /// <summary>The config in effect (baseline switch applied).</summary>
    public ModelConfig Config { get; }

    public int FeatureDim { get; }

    /// <summary>C: base classes.</summary>
    public int ClassCount { get; }

    /// <summary>Index of the background class in the segment logits (C), or null when the model has none.</summary>
    public int? BackgroundIndex => Config.BackgroundClass ? ClassCount : null;

    /// <param name="features">x: [B, T, D] segment features of one view.</param>
    public override SegmentOutputs forward(Tensor features)
    {
        CheckFeatures(features, nameof(features));
        using var scope = NewDisposeScope();

        Tensor z = embedding.call(features);                                              // [B, T, E]
        Tensor segmentLogits = classifier.call(z);                                        // [B, T, C+1] (or C)
        Tensor w = SelfWeightedPooling.Weights(segmentLogits, Config.SelfWeighting, Config.WeightingTemperature); // [B, T]
        Tensor v = SelfWeightedPooling.Pool(z, w);                                        // [B, E]
        Tensor videoLogits = classifier.call(v)[.., ..ClassCount];                        // [B, C]: base classes only

        return new SegmentOutputs(z.MoveToOuterDisposeScope(), segmentLogits.MoveToOuterDisposeScope(), w.MoveToOuterDisposeScope(), v.MoveToOuterDisposeScope(), videoLogits.MoveToOuterDisposeScope());
    }

    /// <summary>z = e(x) alone, for the augmented views of the contrastive loss.</summary>
    /// <param name="features">[B, T, D].</param>
    /// <returns>[B, T, E].</returns>
    public Tensor Embed(Tensor features)
    {
        CheckFeatures(features, nameof(features));
        return embedding.call(features);
    }

    /// <summary>g(z): segment logits of given embeddings, [..., E] -> [..., C+1] (or C).</summary>
    public Tensor Classify(Tensor embeddings) => classifier.call(embeddings);

    /// <summary>q = h(z), the space of the contrastive loss.</summary>
    /// <param name="embeddings">[..., E].</param>
    /// <returns>[..., P].</returns>
    public Tensor Project(Tensor embeddings) =>
        projection?.call(embeddings)
        ?? throw new InvalidOperationException("the model was built with contrastive: false and has no projection head");

    /// <summary>
    /// z, w, p and v for few-shot matching and segment inspection: the one inference path. No gradients, dropout
    /// off for the call (the module's training mode is restored afterwards).
    /// </summary>
    /// <param name="features">[B, T, D], normally the test-time centre view.</param>
    public VideoEmbeddings Infer(Tensor features)
    {
        using var scope = NewDisposeScope();
        SegmentOutputs outputs = EvaluationForward(features);
        Tensor probabilities = outputs.SegmentLogits.softmax(-1); // [B, T, C+1] (or C)
        return new VideoEmbeddings(
            outputs.Embeddings.MoveToOuterDisposeScope(), outputs.Weights.MoveToOuterDisposeScope(), probabilities.MoveToOuterDisposeScope(), outputs.Video.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Pseudo-labels from the current model without gradients and with dropout off, for refreshing them once per epoch.
    /// </summary>
    /// <param name="features">[B, T, D] of the view the classification loss sees.</param>
    /// <param name="labels">[B] video labels.</param>
    /// <param name="epoch">Zero-based epoch: decides the open-set detector's evidence.</param>
    /// <param name="prior">[B, T] <see cref="NeighbourLabelPrior"/> scores, or null.</param>
    public PseudoLabels AssignPseudoLabels(Tensor features, Tensor labels, int epoch, Tensor? prior = null)
    {
        using var scope = NewDisposeScope();
        SegmentOutputs outputs = EvaluationForward(features);
        PseudoLabels pseudo = PseudoLabeller.Assign(outputs.SegmentLogits, labels, ClassCount, Config, epoch, training: true, prior);
        return pseudo with { Labels = pseudo.Labels.MoveToOuterDisposeScope() };
    }

    private SegmentOutputs EvaluationForward(Tensor features)
    {
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            return forward(features);
        }
        finally
        {
            train(wasTraining);
        }
    }

    private void CheckFeatures(Tensor features, string what)
    {
        if (features.dim() != 3 || features.shape[2] != FeatureDim)
        {
            throw new BadInputException(
                $"{what}: expected segment features [videos, segments, {FeatureDim}], got [{string.Join(", ", features.shape)}]; " +
                "the feature store's dimension must match the backbone the model was built for");
        }
    }
}
