namespace VideoRecognition.Reports;

/// <summary>
/// What the model thinks of every segment of one video, as the inspection report shows it: the segment's
/// span, its self-weight w_t, its pseudo-label (relative to the video's label, or to the predicted class for a
/// video of a class the model never saw), its top classes, and the ground truth where it is known.
/// </summary>
public sealed record VideoInspection(
    string Id,
    string Label,
    string? PredictedClass,
    string VideoPath,
    double Fps,
    int Frames,
    double Duration,
    IReadOnlyList<SegmentInspection> Segments)
{
    /// <summary>The model's answer for the video as the report states it (base prediction, few-shot answer, or "unknown class; nearest ...").</summary>
    public string? Answer { get; init; }

    /// <summary>Classes a person can give an FG mark on this video's page (the video's label first).</summary>
    public IReadOnlyList<string> MarkClasses { get; init; } = [];

    /// <summary>Support videos to show beside a recognised query (their thumbnails), or empty.</summary>
    public IReadOnlyList<SupportThumbnail> Support { get; init; } = [];
}

/// <summary>A support video shown beside a query: its id, class, file and the frame to show (its highest-weighted segment's centre).</summary>
public sealed record SupportThumbnail(string Id, string Class, string VideoPath, int Frame);

/// <summary>One segment of a <see cref="VideoInspection"/>.</summary>
/// <param name="Index">Position in the video, from 0.</param>
/// <param name="Start">Seconds.</param>
/// <param name="End">Seconds.</param>
/// <param name="CentreFrame">The frame the test-time view was taken from (the thumbnail).</param>
/// <param name="Weight">The self-weight w_t.</param>
/// <param name="PseudoLabel">The open-set decision: NBG where the detector calls the segment background, else FG or IBG (or "unlabelled").</param>
/// <param name="TopClasses">The most probable base classes with their probabilities (background excluded).</param>
/// <param name="BackgroundProbability">p_t(background), or null when the model has no background class.</param>
/// <param name="TruthKind">FG, IBG or NBG from the ground truth covering most of the segment, or null when unknown.</param>
/// <param name="TruthClass">The class visible in that ground-truth span, or null.</param>
public sealed record SegmentInspection(
    int Index,
    double Start,
    double End,
    int CentreFrame,
    double Weight,
    string PseudoLabel,
    IReadOnlyList<ClassProbability> TopClasses,
    double? BackgroundProbability,
    string? TruthKind,
    string? TruthClass)
{
    /// <summary>A person's mark from a corrections file ("FG", "IBG", "NBG"), or null.</summary>
    public string? Mark { get; init; }

    /// <summary>The class of an FG mark, or null.</summary>
    public string? MarkClass { get; init; }

    /// <summary>How far the decision is from flipping (<see cref="Model.LabelMargin"/>), or null when not computed.</summary>
    public double? Margin { get; init; }

    /// <summary>Among the report's least-sure segments: the ones to mark first.</summary>
    public bool Suggested { get; init; }
}

public sealed record ClassProbability(string Class, double Probability);
