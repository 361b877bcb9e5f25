namespace VideoRecognition.Video;

/// <summary>
/// Frame index and time conversions on a video's decoded timeline: frame i is shown from i / fps seconds, or
/// from its own timestamp in a variable-frame-rate file (<see cref="VideoProbe.FrameSeconds"/>).
/// </summary>
public static class FrameTime
{
    public static double SecondsOf(double frame, double fps) => fps > 0 ? frame / fps : 0;

    /// <summary>
    /// The time of a (fractional) frame position on the probe's timeline: its frames' own timestamps where the
    /// probe kept them (linear between two frames; position <c>frames</c> is the video's end), else frame / fps.
    /// </summary>
    public static double SecondsOf(double frame, VideoProbe probe)
    {
        if (probe.FrameSeconds is not { Count: > 0 } times)
        {
            return SecondsOf(frame, probe.Fps);
        }

        int n = times.Count;
        double end = probe.DurationSeconds > times[^1] ? probe.DurationSeconds : times[^1] + (probe.Fps > 0 ? 1 / probe.Fps : 0);
        double position = Math.Clamp(frame, 0, n);
        int i = (int)Math.Floor(position);
        double at = i < n ? times[i] : end;
        double next = i + 1 < n ? times[i + 1] : end;
        return at + (position - i) * (next - at);
    }

    /// <summary>The frame shown at a time on the probe's timeline (the last frame that starts at or before it), clamped to the decoded frames.</summary>
    public static int IndexAt(double seconds, VideoProbe probe)
    {
        if (probe.FrameSeconds is not { Count: > 0 } times)
        {
            return IndexAt(seconds, probe.Fps, probe.DecodedFrames);
        }

        int low = 0, high = times.Count - 1;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (times[middle] <= seconds + 1e-6)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return Math.Min(low, probe.DecodedFrames - 1);
    }

    /// <summary>
    /// Frame times in seconds from the first frame when they stray from a constant <paramref name="fps"/> by
    /// more than half a frame (a variable-frame-rate file); null for a constant rate or unusable timestamps.
    /// </summary>
    public static IReadOnlyList<double>? VariableTimeline(IReadOnlyList<double> frameMsec, double fps)
    {
        if (frameMsec.Count < 2 || fps <= 0 || frameMsec.Any(m => !double.IsFinite(m)))
        {
            return null;
        }

        double first = frameMsec[0];
        var seconds = new double[frameMsec.Count];
        double worst = 0;
        for (int i = 0; i < seconds.Length; i++)
        {
            seconds[i] = (frameMsec[i] - first) / 1000.0;
            if (i > 0 && seconds[i] < seconds[i - 1])
            {
                return null; // not monotonic: the backend's timestamps cannot be trusted here
            }

            worst = Math.Max(worst, Math.Abs(seconds[i] - i / fps));
        }

        return worst > 0.5 / fps ? seconds : null;
    }

    /// <summary>The frame shown at a time, clamped to 0..frames-1.</summary>
    public static int IndexAt(double seconds, double fps, int frames)
    {
        if (frames <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frames), "the video has no frames");
        }

        // The small epsilon keeps 2.0 s at 25 fps on frame 50, not 49, despite binary fractions.
        double index = Math.Floor(seconds * fps + 1e-6);
        return (int)Math.Clamp(double.IsFinite(index) ? index : 0, 0, frames - 1);
    }
}
