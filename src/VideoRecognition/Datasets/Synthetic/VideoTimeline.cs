namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A half-open frame range [StartFrame, EndFrame) of one kind. <paramref name="VisibleClass"/> is the class
/// whose actor is on screen (the video's own class for FG, another class for IBG OtherAction), else null.
/// </summary>
public sealed record TimelineSpan(int StartFrame, int EndFrame, SpanKind Kind, SpanContent Content, int? VisibleClass)
{
    public int Frames => EndFrame - StartFrame;
}

/// <summary>The planned content of one synthetic video: spans that cover frames [0, Frames) exactly once, in order.</summary>
public sealed record VideoTimeline(int Frames, IReadOnlyList<TimelineSpan> Spans)
{
    public IEnumerable<TimelineSpan> Foreground => Spans.Where(s => s.Kind == SpanKind.FG);
}
