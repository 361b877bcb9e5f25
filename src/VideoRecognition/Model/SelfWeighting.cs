namespace VideoRecognition.Model;

/// <summary>How segment weights w_t for the pooled video feature are made (config key `model.self_weighting`).</summary>
public enum SelfWeighting
{
    /// <summary>w_t = 1 - p_t(background), p_t = softmax over the C+1 classes (the method's default).</summary>
    Background,

    /// <summary>w_t = softmax over the segments of -logit_t(background) / weighting_temperature; sums to one per video.</summary>
    Softmax,

    /// <summary>w_t = 1: plain mean pooling, as in TSN.</summary>
    None,
}
