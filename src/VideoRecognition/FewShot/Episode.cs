namespace VideoRecognition.FewShot;

/// <summary>
/// One N-way K-shot task. Classes[c] is class c of the episode; Support[c] are its K labelled video ids
/// (the support set) and Query[c] its Q query video ids (the query set). No video is in both sets.
/// </summary>
public sealed record Episode(
    IReadOnlyList<string> Classes,
    IReadOnlyList<IReadOnlyList<string>> Support,
    IReadOnlyList<IReadOnlyList<string>> Query);
