namespace VideoRecognition.FewShot;

/// <summary>
/// One model's few-shot result. EpisodeAccuracies[e] is the accuracy on episode e (in the set's order), kept
/// for paired comparisons between models evaluated on the same episodes. Localisation is null without ground
/// truth or without segment embeddings. Predictions: per query video, what the episodes predicted (for the
/// ActivityNet result files); null unless eval.activitynet_results.
/// </summary>
public sealed record ModelResult(
    string Model,
    AccuracyInterval Accuracy,
    IReadOnlyList<ClassAccuracy> PerClass,
    ConfusionMatrix Confusion,
    LocalisationResult? Localisation,
    IReadOnlyList<double> EpisodeAccuracies,
    IReadOnlyList<QueryVideoPrediction>? Predictions = null);
