using OpenCvSharp;

namespace VideoRecognition.Video.Transforms;

/// <summary>Resizing that keeps detail: area averaging when shrinking (like an antialiased resize), bilinear when enlarging.</summary>
public static class Resize
{
    /// <summary>A new frame whose shorter side is <paramref name="size"/>, aspect ratio kept.</summary>
    public static Mat ShorterSide(Mat frame, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        double scale = (double)size / Math.Min(frame.Width, frame.Height);
        var target = frame.Width <= frame.Height
            ? new Size(size, Math.Max(1, (int)Math.Round(frame.Height * scale)))
            : new Size(Math.Max(1, (int)Math.Round(frame.Width * scale)), size);
        return To(frame, target);
    }

    public static Mat To(Mat frame, Size target)
    {
        var resized = new Mat();
        bool shrinking = target.Width < frame.Width || target.Height < frame.Height;
        Cv2.Resize(frame, resized, target, 0, 0, shrinking ? InterpolationFlags.Area : InterpolationFlags.Linear);
        return resized;
    }
}
