using OpenCvSharp;

namespace VideoRecognition.Video.Transforms;

/// <summary>
/// The two ways a frame becomes network input, written as normalised RGB CHW floats of InputSize².
/// Test view: resize the shorter side, centre crop. Training view (SimCLR-style): random resized crop,
/// flip, colour jitter, grayscale, blur, each drawn from the Random passed in, so views are reproducible
/// and two calls with the same Random give two independent views (for the contrastive loss).
/// </summary>
public sealed class FrameViews(VideoConfig config)
{
    public int InputSize => config.InputSize;

    /// <summary>Floats per view: 3 x InputSize x InputSize.</summary>
    public int ViewLength => 3 * config.InputSize * config.InputSize;

    public void WriteTestView(Mat frame, Span<float> destination)
    {
        RequireFrame(frame);
        using Mat resized = Resize.ShorterSide(frame, config.ResizeShorter);
        using Mat cropped = Crop.Centre(resized, config.InputSize);
        ImageNetNormalisation.WriteChw(cropped, destination);
    }

    public void WriteTrainingView(Mat frame, Random random, Span<float> destination)
    {
        RequireFrame(frame);
        var a = config.Augmentation;
        using Mat cropped = Crop.RandomResized(frame, config.InputSize, a.CropScaleMin, a.CropScaleMax, a.CropRatioMin, a.CropRatioMax, random);
        using Mat view = new();
        cropped.ConvertTo(view, MatType.CV_32FC3, 1.0 / 255);

        // Every draw happens whether or not its transform applies, so one setting never shifts the others' randomness.
        bool flip = random.NextDouble() < a.FlipProbability;
        bool jitter = random.NextDouble() < a.JitterProbability;
        bool gray = random.NextDouble() < a.GrayscaleProbability;
        bool blur = random.NextDouble() < a.BlurProbability;
        double sigma = Crop.Uniform(random, a.BlurSigmaMin, a.BlurSigmaMax);
        var jitterRandom = new Random(random.Next());

        if (flip)
        {
            Cv2.Flip(view, view, FlipMode.Y);
        }

        if (jitter)
        {
            ColourJitter.Apply(view, a.Brightness, a.Contrast, a.Saturation, a.Hue, jitterRandom);
        }

        if (gray)
        {
            using Mat g = ColourJitter.Gray(view);
            Cv2.CvtColor(g, view, ColorConversionCodes.GRAY2BGR);
        }

        if (blur)
        {
            // SimCLR: kernel about a tenth of the image side, odd.
            int kernel = (config.InputSize / 10) | 1;
            Cv2.GaussianBlur(view, view, new Size(kernel, kernel), sigma, sigma, BorderTypes.Reflect101);
        }

        ImageNetNormalisation.WriteChw(view, destination);
    }

    private static void RequireFrame(Mat frame)
    {
        if (frame.Empty() || frame.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"expected a BGR 8UC3 frame, got {(frame.Empty() ? "an empty Mat" : frame.Type().ToString())}", nameof(frame));
        }
    }
}
