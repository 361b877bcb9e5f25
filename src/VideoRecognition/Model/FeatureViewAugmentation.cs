using TorchSharp;
using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// Augmentation of a contrastive view in feature space, drawn from libtorch's generator (seeded per epoch by
/// the trainer) so each step sees a new pair even when the stored image views are the same every epoch:
/// inverted dropout of feature dimensions, then Gaussian noise scaled by the batch's feature standard deviation.
/// </summary>
public static class FeatureViewAugmentation
{
    /// <param name="view">[B, T, D] features of one view.</param>
    /// <param name="config">Reads view_feature_dropout and view_noise.</param>
    /// <returns>[B, T, D].</returns>
    public static Tensor Apply(Tensor view, ModelConfig config)
    {
        if (config.ViewFeatureDropout <= 0 && config.ViewNoise <= 0)
        {
            return view;
        }

        using var scope = NewDisposeScope();
        Tensor augmented = config.ViewFeatureDropout > 0 ? nn.functional.dropout(view, config.ViewFeatureDropout, training: true) : view;
        if (config.ViewNoise > 0)
        {
            using Scalar scale = (config.ViewNoise * view.std().item<float>()).ToScalar();
            augmented = augmented.add(randn_like(view), scale);
        }

        return augmented.MoveToOuterDisposeScope();
    }
}
