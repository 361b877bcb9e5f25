using OpenCvSharp;

namespace VideoRecognition.Video.Transforms;

/// <summary>
/// torchvision's ColorJitter on a BGR 32FC3 frame in [0, 1], in place: brightness, contrast, saturation
/// and hue factors drawn uniformly, applied in a random order, clamping to [0, 1] after each step.
/// </summary>
public static class ColourJitter
{
    public static void Apply(Mat frame, double brightness, double contrast, double saturation, double hue, Random random)
    {
        RequireFloatBgr(frame);
        int[] order = [0, 1, 2, 3];
        random.Shuffle(order);
        double b = Crop.Uniform(random, Math.Max(0, 1 - brightness), 1 + brightness);
        double c = Crop.Uniform(random, Math.Max(0, 1 - contrast), 1 + contrast);
        double s = Crop.Uniform(random, Math.Max(0, 1 - saturation), 1 + saturation);
        double h = Crop.Uniform(random, -hue, hue);
        foreach (int step in order)
        {
            switch (step)
            {
                case 0 when brightness > 0:
                    frame.ConvertTo(frame, MatType.CV_32FC3, b);
                    break;
                case 1 when contrast > 0:
                    using (Mat gray = Gray(frame))
                    {
                        double mean = Cv2.Mean(gray).Val0;
                        frame.ConvertTo(frame, MatType.CV_32FC3, c, mean * (1 - c));
                    }

                    break;
                case 2 when saturation > 0:
                    using (Mat gray = Gray(frame))
                    using (Mat gray3 = new())
                    {
                        Cv2.CvtColor(gray, gray3, ColorConversionCodes.GRAY2BGR);
                        Cv2.AddWeighted(frame, s, gray3, 1 - s, 0, frame);
                    }

                    break;
                case 3 when hue > 0:
                    ShiftHue(frame, h);
                    break;
            }

            Clamp(frame);
        }
    }

    /// <summary>Rotates hue by a share of the circle (OpenCV's float HSV keeps hue in degrees).</summary>
    public static void ShiftHue(Mat frame, double share)
    {
        using var hsv = new Mat();
        Cv2.CvtColor(frame, hsv, ColorConversionCodes.BGR2HSV);
        Mat[] channels = Cv2.Split(hsv);
        try
        {
            Mat h = channels[0];
            h.ConvertTo(h, MatType.CV_32F, 1, share * 360 + 360);
            // Values now lie in [0, 720): fold the upper turn back onto [0, 360) (in managed code: OpenCV's
            // compare and masked subtract with a scalar cost milliseconds per view through OpenCvSharp).
            Span<float> degrees = h.AsSpan<float>();
            for (int i = 0; i < degrees.Length; i++)
            {
                float value = degrees[i];
                if (value >= 360f)
                {
                    value -= 360f;
                }

                if (value >= 360f)
                {
                    value -= 360f;
                }

                degrees[i] = value;
            }

            Cv2.Merge(channels, hsv);
            Cv2.CvtColor(hsv, frame, ColorConversionCodes.HSV2BGR);
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    internal static Mat Gray(Mat frame)
    {
        var gray = new Mat();
        Cv2.CvtColor(frame, gray, ColorConversionCodes.BGR2GRAY);
        return gray;
    }

    /// <summary>
    /// Clamps every channel to [0, 1]. Done on the pixels directly: OpenCV's max/min against a scalar took
    /// about 2-4 ms per 112 px view through OpenCvSharp, more than the rest of the augmentation together.
    /// </summary>
    internal static void Clamp(Mat frame)
    {
        if (!frame.IsContinuous())
        {
            Cv2.Max(frame, 0.0, frame);
            Cv2.Min(frame, 1.0, frame);
            return;
        }

        Span<float> values = frame.AsSpan<float>();
        System.Numerics.Tensors.TensorPrimitives.Max(values, 0f, values);
        System.Numerics.Tensors.TensorPrimitives.Min(values, 1f, values);
    }

    internal static void RequireFloatBgr(Mat frame)
    {
        if (frame.Type() != MatType.CV_32FC3)
        {
            throw new ArgumentException($"expected a BGR 32FC3 frame in [0, 1], got {frame.Type()}", nameof(frame));
        }
    }
}
