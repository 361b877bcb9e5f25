namespace VideoRecognition.FewShot;

/// <summary>
/// What the few-shot test predicted for one query video over every episode it was a query in (Queries of them):
/// the classes it was assigned and the labelled spans it was localised to, each scored by the share of those
/// episodes that gave it. A query is classified against a new support set every episode, so the share is the
/// model's confidence over support sets, in [0, 1]; the classes' scores add up to 1.
/// </summary>
public sealed record QueryVideoPrediction(string Id, int Queries, IReadOnlyList<ClassScore> Classes, IReadOnlyList<DetectedAction> Detections);

/// <summary>One class of a classification result (ActivityNet's {"label", "score"}).</summary>
public readonly record struct ClassScore(string Label, double Score);

/// <summary>One labelled span of a detection result (ActivityNet's {"label", "score", "segment": [start, end]}, in seconds).</summary>
public readonly record struct DetectedAction(string Label, double Score, ActionSpan Segment);
