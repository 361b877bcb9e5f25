namespace VideoRecognition.Features.Import;

/// <summary>Why one video was not imported, by its id (as the annotations write it, or as the feature set names it).</summary>
public sealed record ImportProblem(string Id, string Problem);
