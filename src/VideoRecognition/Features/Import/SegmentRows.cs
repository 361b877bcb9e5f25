namespace VideoRecognition.Features.Import;

/// <summary>
/// Which of a video's T feature rows each of the store's S segments averages. Published rows tile the video
/// evenly in time (C3D: a row per 8 frames; csv_mean_100: the video rescaled to 100 rows), and segment s is the
/// time span [s/S, (s+1)/S) of the video, so:
/// <list type="bullet">
/// <item>T &gt;= S: each row goes to the segment its centre falls in. Segment s takes rows
/// [ceil(s*T/S - 1/2), ceil((s+1)*T/S - 1/2)) (a row centred exactly on a boundary goes to the later segment): a
/// partition of the rows, floor(T/S) or ceil(T/S) of them to a segment.</item>
/// <item>T &lt; S: each segment takes the one row its centre falls in, floor((s + 1/2)*T/S); a row is repeated in
/// every segment whose centre it covers.</item>
/// </list>
/// </summary>
public static class SegmentRows
{
    /// <returns>The half-open row range [Start, End) of <paramref name="segment"/>; never empty.</returns>
    public static (int Start, int End) Of(int segment, int segments, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segments);
        ArgumentOutOfRangeException.ThrowIfNegative(segment);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(segment, segments);
        if (rows < segments)
        {
            int centre = (int)(((2L * segment) + 1) * rows / (2L * segments));
            return (centre, centre + 1);
        }

        // ceil(x - 1/2) for x = s*T/S in integers: ceil((2sT - S) / 2S) = floor((2sT + S - 1) / 2S), exact for any size.
        int start = (int)(((2L * segment * rows) + segments - 1) / (2L * segments));
        int end = (int)(((2L * (segment + 1) * rows) + segments - 1) / (2L * segments));
        return (start, end);
    }
}
