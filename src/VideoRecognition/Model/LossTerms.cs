using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// One step's objective: the total to call backward on, and each component for logging. A component is null
/// when it was not computed (switched off, or warm-up); components are unweighted (before lambda).
/// </summary>
/// <param name="Total">L = L_soft-cls + lambda_bg * L_bg-cls + lambda_c * L_contrast, scalar with gradients.</param>
/// <param name="SoftClassification">L_soft-cls.</param>
/// <param name="BackgroundClassification">L_bg-cls.</param>
/// <param name="Contrast">L_contrast.</param>
/// <param name="PseudoLabels">The labels the step used, or null without them (warm-up, baseline).</param>
public sealed record LossTerms(
    Tensor Total,
    double SoftClassification,
    double? BackgroundClassification,
    double? Contrast,
    PseudoLabels? PseudoLabels);
