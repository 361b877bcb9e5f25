namespace VideoRecognition.Video;

/// <summary>Frame index and time conversions on a video's decoded timeline (frame i is shown from i / fps seconds).</summary>
public static class FrameTime
{
    public static double SecondsOf(double frame, double fps) => fps > 0 ? frame / fps : 0;

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
