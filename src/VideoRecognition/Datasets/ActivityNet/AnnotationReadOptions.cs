namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>How to read an annotation file.</summary>
public sealed record AnnotationReadOptions
{
    /// <summary>
    /// The proposal layout's video_info CSV (video,numFrame,seconds,fps,rfps,subset,featureFrame), which holds
    /// the subsets and frame rates its JSON lacks. Ignored for the official layout.
    /// </summary>
    public string? VideoInfoPath { get; init; }

    /// <summary>
    /// The class names labels must come from. Null: the official layout's taxonomy leaves, or (proposal layout,
    /// or an official file without a taxonomy) every label that occurs.
    /// </summary>
    public IReadOnlyCollection<string>? Classes { get; init; }

    /// <summary>
    /// Seconds a segment may overrun the video (before 0 or after the duration) and still be kept, clamped.
    /// Durations and segments come from different tools; in ActivityNet v1.3, 215 segments end less than
    /// a second after their video.
    /// </summary>
    public double ClampTolerance { get; init; } = 1.0;

    /// <summary>How many problem messages the report keeps; every problem is still counted.</summary>
    public int MaxMessages { get; init; } = 20;
}
