namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>
/// One untrimmed video as either annotation layout describes it, after validation.
/// </summary>
/// <param name="Id">
/// The YouTube id without the <c>v_</c> prefix the proposal-style files add. Only that one prefix is removed:
/// a few YouTube ids begin with "v_" themselves (v1.3 has v_UmAH95xls, keyed v_v_UmAH95xls in the proposal file).
/// </param>
/// <param name="Subset">training, validation or testing; null when the file does not say (proposal layout without its CSV).</param>
/// <param name="Duration">Seconds.</param>
/// <param name="Fps">Frames per second where a file gives it (the proposal CSV), else null.</param>
/// <param name="Frames">Frame count where a file gives it, else null.</param>
/// <param name="Segments">The annotated instances that passed validation, clamped to [0, Duration].</param>
/// <param name="Labels">
/// Video-level labels: the distinct known labels of the video's annotations in file order. A label counts even
/// when its segment's times were unusable: ActivityNet has videos whose only segment is [0, 0], and the
/// annotator's statement of what the video shows still holds.
/// </param>
public sealed record AnnotatedVideo(
    string Id,
    string? Subset,
    double Duration,
    double? Fps,
    int? Frames,
    IReadOnlyList<ActivityNetAnnotation> Segments,
    IReadOnlyList<string> Labels)
{
    public const string ProposalIdPrefix = "v_";

    /// <summary>
    /// Annotated with more than one class (11 videos of v1.3). Training and episodes take one video-level label,
    /// so such a video would carry a second class unannounced, and across a class split novel footage into
    /// base training; it is left out where features are made, and named.
    /// </summary>
    public bool HasSeveralClasses => Labels.Count > 1;

    /// <summary>The message that leaves a video with several classes out.</summary>
    public string SeveralClassesProblem => $"annotated with {Labels.Count} classes ({string.Join(", ", Labels)}): a video-level label names one class, so it is left out";

    /// <summary>The id as the proposal-style files and the video file names write it.</summary>
    public string PrefixedId => ProposalIdPrefix + Id;

    /// <summary>Removes the one <c>v_</c> the proposal-style files put before every id.</summary>
    public static string StripPrefix(string id) =>
        id.StartsWith(ProposalIdPrefix, StringComparison.Ordinal) ? id[ProposalIdPrefix.Length..] : id;
}
