using OpenCvSharp;

namespace VideoRecognition.Video.Transforms;

/// <summary>Centre crop and torchvision's RandomResizedCrop (same sampling of area share and aspect ratio).</summary>
public static class Crop
{
    /// <summary>The central size x size square (a copy); the frame must be at least that large.</summary>
    public static Mat Centre(Mat frame, int size)
    {
        if (frame.Width < size || frame.Height < size)
        {
            throw new ArgumentException($"a {frame.Width}x{frame.Height} frame is smaller than the {size}x{size} crop", nameof(frame));
        }

        var region = new Rect((frame.Width - size) / 2, (frame.Height - size) / 2, size, size);
        using var view = new Mat(frame, region);
        return view.Clone();
    }

    /// <summary>
    /// A random region covering a share in [scaleMin, scaleMax] of the area with aspect ratio in
    /// [ratioMin, ratioMax] (drawn log-uniformly), resized to size x size. After 10 failed draws the
    /// largest centred region within the ratio range is used, as torchvision does.
    /// </summary>
    public static Mat RandomResized(Mat frame, int size, double scaleMin, double scaleMax, double ratioMin, double ratioMax, Random random)
    {
        using var view = new Mat(frame, RandomRegion(frame.Width, frame.Height, scaleMin, scaleMax, ratioMin, ratioMax, random));
        return Resize.To(view, new Size(size, size));
    }

    internal static Rect RandomRegion(int width, int height, double scaleMin, double scaleMax, double ratioMin, double ratioMax, Random random)
    {
        double area = (double)width * height;
        double logRatioMin = Math.Log(ratioMin);
        double logRatioMax = Math.Log(ratioMax);
        for (int attempt = 0; attempt < 10; attempt++)
        {
            double targetArea = area * Uniform(random, scaleMin, scaleMax);
            double aspect = Math.Exp(Uniform(random, logRatioMin, logRatioMax));
            int w = (int)Math.Round(Math.Sqrt(targetArea * aspect));
            int h = (int)Math.Round(Math.Sqrt(targetArea / aspect));
            if (w > 0 && h > 0 && w <= width && h <= height)
            {
                int top = random.Next(height - h + 1);
                int left = random.Next(width - w + 1);
                return new Rect(left, top, w, h);
            }
        }

        double frameRatio = (double)width / height;
        (int cw, int ch) = frameRatio < ratioMin ? (width, (int)Math.Round(width / ratioMin))
            : frameRatio > ratioMax ? ((int)Math.Round(height * ratioMax), height)
            : (width, height);
        return new Rect((width - cw) / 2, (height - ch) / 2, cw, ch);
    }

    internal static double Uniform(Random random, double min, double max) => min + (random.NextDouble() * (max - min));
}
