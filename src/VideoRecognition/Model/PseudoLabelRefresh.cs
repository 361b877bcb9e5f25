namespace VideoRecognition.Model;

/// <summary>When pseudo-labels are recomputed from the current model (config key `model.pseudo_label_refresh`).</summary>
public enum PseudoLabelRefresh
{
    /// <summary>From the same forward pass as the loss, every step (the method's default).</summary>
    EveryStep,

    /// <summary>
    /// Once per epoch: the training loop labels every video with <see cref="AnnotationEfficientModel.AssignPseudoLabels"/>
    /// at the start of the epoch and hands the stored labels to <see cref="TrainingObjective.Compute"/>.
    /// </summary>
    EveryEpoch,
}
