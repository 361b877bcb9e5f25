namespace VideoRecognition.FewShot;

/// <summary>
/// What the model says about one video, as the few-shot test consumes it. Pooled is the self-weighted video
/// feature v (E floats); Segments[t] is z_t, Weights[t] is w_t, and segment t covers
/// [SegmentStarts[t], SegmentEnds[t]) seconds. Segments may be empty when only classification is wanted.
/// </summary>
public sealed record VideoEmbedding(
    string Id,
    string Label,
    float[] Pooled,
    float[][] Segments,
    float[] Weights,
    double[] SegmentStarts,
    double[] SegmentEnds);
