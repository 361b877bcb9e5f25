namespace VideoRecognition.FewShot;

/// <summary>
/// Query counts over all episodes: Counts[t][p] = queries of class Classes[t] predicted as Classes[p].
/// Classes are in ordinal name order. Only classes that met in an episode can be confused, so most cells of a
/// large split stay zero.
/// </summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, long[][] Counts);
