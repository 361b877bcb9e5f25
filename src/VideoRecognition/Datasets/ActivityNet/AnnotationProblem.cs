namespace VideoRecognition.Datasets.ActivityNet;

/// <summary>One problem of an annotation file: what it is, whose it is, and the message that says so.</summary>
/// <param name="Issue">The kind, as counted in the report.</param>
/// <param name="VideoId">The video it concerns; null for a line of a side file (the video-info CSV).</param>
/// <param name="Message">One line naming the video (or file and line) and the reason.</param>
/// <param name="Routine">
/// True for what needs no attention: a segment that overruns its video by less than the clamp tolerance, as
/// 215 of ActivityNet v1.3's do. Everything else is worth a warning.
/// </param>
public sealed record AnnotationProblem(AnnotationIssue Issue, string? VideoId, string Message, bool Routine);
