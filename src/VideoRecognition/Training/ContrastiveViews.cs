namespace VideoRecognition.Training;

/// <summary>
/// Where the contrastive loss's two views of a segment come from in cached training (config train.contrastive_views).
/// Either way each view is then augmented afresh in feature space every step (model.view_feature_dropout,
/// model.view_noise), so the pair differs from epoch to epoch.
/// </summary>
public enum ContrastiveViews
{
    /// <summary>stored when the store holds two training views, test_view when it holds none or one (imported features).</summary>
    Auto,

    /// <summary>Training views 1 and 2 of the store: image augmentations (extraction) or temporal jitter (import.train_views).</summary>
    Stored,

    /// <summary>
    /// Both views are the test view, told apart only by the feature-space augmentation: what a store of published
    /// features without per-row data allows. Needs view_feature_dropout or view_noise above 0.
    /// </summary>
    TestView,
}
