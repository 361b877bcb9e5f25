using VideoRecognition.FewShot;

namespace VideoRecognition.Recognition;

/// <summary>
/// A video file of a support set or a query list: its class when known (always for support videos; for queries
/// only when the user wants them scored) and where the action happens in it, when given (seconds).
/// </summary>
public sealed record LabelledVideo(string Path, string? Class, IReadOnlyList<ActionSpan> Spans)
{
    /// <summary>The id the outputs use: the file name without its extension (made unique by the reader).</summary>
    public string Id { get; init; } = System.IO.Path.GetFileNameWithoutExtension(Path);
}

/// <summary>The labelled videos a query is compared with: a few per novel class.</summary>
public sealed record SupportSet(IReadOnlyList<LabelledVideo> Videos)
{
    public IReadOnlyList<string> Classes { get; } = Videos.Select(v => v.Class!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
