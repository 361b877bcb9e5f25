using VideoRecognition.FewShot;

namespace VideoRecognition.Recognition;

/// <summary>
/// What recognition says of one query video: the support classes ranked by cosine similarity of its pooled
/// feature to their prototypes, the answer (null: none of these), the predicted action spans (seconds) of the
/// top class, and per segment the open-set decision and the similarity to that class's prototype.
/// </summary>
public sealed record QueryRecognition(
    string Id,
    IReadOnlyList<ClassScore> Ranked,
    string? Predicted,
    double BestSimilarity,
    IReadOnlyList<ScoredSpan> Spans,
    IReadOnlyList<SegmentDecision> Decisions,
    float[] Similarity)
{
    public bool NoneOfThese => Predicted is null;
}

/// <summary>
/// The decision shown for a segment: NBG where the open-set detector calls it non-informative background; FG
/// inside the recognised action's span; IBG for other informative content (also every informative segment
/// of a query that matches no support class).
/// </summary>
public enum SegmentDecision
{
    Fg,
    Ibg,
    Nbg,
}
