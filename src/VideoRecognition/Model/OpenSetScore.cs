namespace VideoRecognition.Model;

/// <summary>The open-set detector's evidence that a segment is non-informative background (config key `model.open_set_score`).</summary>
public enum OpenSetScore
{
    /// <summary>p_t(background) of the C+1 classifier (the default once the head is trained).</summary>
    Background,

    /// <summary>Closeness to uniform of the base-class distribution, by <see cref="ModelConfig.NbgCriterion"/>, in [0, 1].</summary>
    Uniformity,

    /// <summary>The mean of the two.</summary>
    Combined,

    /// <summary>
    /// In training, the <see cref="NeighbourLabelPrior"/> for every epoch, so the picks that teach the background
    /// head never follow the head's own drift; where there is no prior (inspection, recognition) p(background).
    /// </summary>
    NeighbourLabels,
}
