using OpenCvSharp;
using VideoRecognition.Datasets.Synthetic;

namespace VideoRecognition.Tests.Datasets.Synthetic;

/// <summary>Counts pixels that could belong to an actor, from HSV: saturated, bright and (optionally) near a colour family's hue.</summary>
public static class ActorPixels
{
    /// <summary>Pixels the generator could only have painted as part of an actor or distractor (exact painter output).</summary>
    public static int Any(Mat frame) => Count(frame, ActorColour.MinSaturation, ActorColour.MinValue, null, 0);

    /// <summary>
    /// Pixels of a decoded frame near <paramref name="family"/>'s hue, allowing for the per-video jitter and for
    /// what mp4v does to colours (a few degrees of hue, a little saturation at the core of a shape).
    /// </summary>
    public static int Near(Mat frame, ActorColour family, double jitter) =>
        Count(frame, 0.45, 0.4, family.Hue, (jitter * ActorColour.MaxHueShift) + 12);

    private static int Count(Mat frame, double minSaturation, double minValue, double? hue, double hueTolerance)
    {
        using var hsv = new Mat();
        Cv2.CvtColor(frame, hsv, ColorConversionCodes.BGR2HSV);
        using var mask = new Mat();
        var low = new Scalar(0, Math.Ceiling(minSaturation * 255), Math.Ceiling(minValue * 255));
        if (hue is not double h)
        {
            Cv2.InRange(hsv, low, new Scalar(180, 255, 255), mask);
            return Cv2.CountNonZero(mask);
        }

        // OpenCV keeps hue in [0, 180): half degrees. A window across 0 is counted in two parts.
        double from = (h - hueTolerance) / 2;
        double to = (h + hueTolerance) / 2;
        int count = 0;
        foreach ((double a, double b) in new[] { (from, to), (from + 180, to + 180), (from - 180, to - 180) })
        {
            double lo = Math.Max(0, a);
            double hi = Math.Min(179, b);
            if (lo <= hi)
            {
                Cv2.InRange(hsv, new Scalar(lo, low.Val1, low.Val2), new Scalar(hi, 255, 255), mask);
                count += Cv2.CountNonZero(mask);
            }
        }

        return count;
    }
}
