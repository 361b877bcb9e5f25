using OpenCvSharp;

namespace VideoRecognition.Video.Transforms;

/// <summary>
/// The input ImageNet-pretrained backbones expect: RGB channel planes (CHW) of (x / 255 - mean) / std.
/// OpenCV frames are BGR and interleaved (HWC), so this also swaps channels and de-interleaves.
/// </summary>
public static class ImageNetNormalisation
{
    /// <summary>Per channel, R G B.</summary>
    public static readonly float[] Mean = [0.485f, 0.456f, 0.406f];

    /// <summary>Per channel, R G B.</summary>
    public static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>Writes a BGR frame (8UC3, or 32FC3 already scaled to [0, 1]) as normalised RGB CHW floats.</summary>
    public static void WriteChw(Mat bgr, Span<float> destination)
    {
        int pixels = bgr.Rows * bgr.Cols;
        if (destination.Length != 3 * pixels)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats; a {bgr.Cols}x{bgr.Rows} frame needs {3 * pixels}", nameof(destination));
        }

        if (bgr.Type() == MatType.CV_8UC3)
        {
            using Mat scaled = new();
            bgr.ConvertTo(scaled, MatType.CV_32FC3, 1.0 / 255);
            WriteChw(scaled, destination);
            return;
        }

        if (bgr.Type() != MatType.CV_32FC3)
        {
            throw new ArgumentException($"expected a BGR frame of type 8UC3 or 32FC3, got {bgr.Type()}", nameof(bgr));
        }

        if (!bgr.IsContinuous())
        {
            using Mat copy = bgr.Clone();
            WriteChw(copy, destination);
            return;
        }

        ReadOnlySpan<float> source = bgr.AsSpan<float>();
        for (int rgb = 0; rgb < 3; rgb++)
        {
            int bgrChannel = 2 - rgb;
            float mean = Mean[rgb];
            float scale = 1f / Std[rgb];
            Span<float> plane = destination.Slice(rgb * pixels, pixels);
            for (int p = 0; p < pixels; p++)
            {
                plane[p] = (source[3 * p + bgrChannel] - mean) * scale;
            }
        }
    }
}
