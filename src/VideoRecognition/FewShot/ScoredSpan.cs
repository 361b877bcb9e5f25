namespace VideoRecognition.FewShot;

/// <summary>A predicted action span with its confidence (the mean segment score over the span), which ranks it for mAP.</summary>
public readonly record struct ScoredSpan(ActionSpan Span, double Score);
