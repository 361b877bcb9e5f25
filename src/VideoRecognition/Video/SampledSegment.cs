namespace VideoRecognition.Video;

/// <summary>
/// One segment of a video and the frames taken from it. Start and end are the segment's bounds on the
/// decoded timeline (end exclusive), in frames and in seconds, so later stages can compare a segment
/// with ground-truth action intervals.
/// </summary>
/// <param name="Index">Position of the segment in the video (0-based).</param>
/// <param name="StartFrame">First frame inside the segment.</param>
/// <param name="EndFrame">One past the last frame inside the segment (always &gt; StartFrame).</param>
/// <param name="StartSeconds">Segment start on the timeline in seconds (StartFrame's time, or between frames in short videos).</param>
/// <param name="EndSeconds">Segment end in seconds (exclusive); consecutive segments share their bound.</param>
/// <param name="Frames">The sampled frame indices: one, or a clip of L consecutive frames.</param>
public sealed record SampledSegment(int Index, int StartFrame, int EndFrame, double StartSeconds, double EndSeconds, IReadOnlyList<int> Frames)
{
    /// <summary>All sampled frame indices of these segments in order: what a reader is asked for.</summary>
    public static int[] FramesOf(IEnumerable<SampledSegment> segments) => segments.SelectMany(s => s.Frames).ToArray();
}
