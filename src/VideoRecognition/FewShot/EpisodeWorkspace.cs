namespace VideoRecognition.FewShot;

/// <summary>Scratch memory of one worker thread, reused from episode to episode so the hot loop allocates nothing.</summary>
internal sealed class EpisodeWorkspace(int way, int shot, int query, int dimension)
{
    /// <summary>Prototypes[c*D..]: the episode's normalised class prototypes.</summary>
    public float[] Prototypes { get; } = new float[way * dimension];

    public int[] Predicted { get; } = new int[way * query];

    /// <summary>Logistic regression: support Gram matrix, dual coefficients, probabilities, query-support similarities.</summary>
    public float[] Gram { get; } = new float[way * shot * way * shot];

    public float[] Coefficients { get; } = new float[way * shot * way];

    public float[] Bias { get; } = new float[way];

    public float[] Probabilities { get; } = new float[way * shot * way];

    public float[] QuerySimilarity { get; } = new float[way * shot];

    public float[] Logits { get; } = new float[way];

    /// <summary>Logistic regression: two per-sample columns (the max and the sum over classes of the softmax).</summary>
    public float[] Column { get; } = new float[2 * way * shot];

    /// <summary>Localisation: s_t of one query video (grown to the longest video seen).</summary>
    public float[] SegmentScores { get; set; } = [];
}
