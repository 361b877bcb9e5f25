namespace VideoRecognition.Model;

/// <summary>Which segments are negatives for an anchor in the contrastive loss (config key `model.negatives`).</summary>
public enum ContrastiveNegatives
{
    /// <summary>The NBG segments of the batch, in both views (the method's default).</summary>
    Nbg,

    /// <summary>Every other segment of the batch, in both views, as in SimCLR.</summary>
    All,
}
