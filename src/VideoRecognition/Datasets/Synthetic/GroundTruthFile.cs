namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// Frame-exact ground truth of a synthetic dataset (ground_truth.json): for every video, spans that cover
/// [0, duration] exactly once, each FG, IBG or NBG, with the class on screen and what is shown. Used to
/// score pseudo-labels and temporal localisation.
/// </summary>
public sealed record GroundTruthFile(IReadOnlyList<GroundTruthVideo> Videos);

/// <summary>One video; Scene: the place its content spans (FG and IBG) are filmed in; Duration = Frames / Fps seconds.</summary>
public sealed record GroundTruthVideo(string Id, string Label, string Subset, string Scene, double Fps, int Frames, double Duration, IReadOnlyList<GroundTruthSpan> Spans);

/// <summary>
/// Frames [StartFrame, EndFrame) = seconds [Start, End). VisibleClass: the class whose actor is on screen
/// (the label for FG, another class for IBG other_action, else null). Shows: action, scene, other_action,
/// black, noise, blur, fade, title_card, logo, unrelated_footage or camera_shake (<see cref="GroundTruthJson.ShowsName"/>).
/// </summary>
public sealed record GroundTruthSpan(int StartFrame, int EndFrame, double Start, double End, SpanKind Kind, string? VisibleClass, string Shows);
