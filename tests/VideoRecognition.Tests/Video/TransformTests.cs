using OpenCvSharp;
using TorchSharp;
using Scalar = OpenCvSharp.Scalar;
using VideoRecognition.Video;
using VideoRecognition.Video.Transforms;

namespace VideoRecognition.Tests.Video;

public sealed class TransformTests
{
    private static readonly VideoConfig Config = new();

    [Fact]
    public void Test_views_have_the_input_shape_and_become_an_n_3_h_w_tensor()
    {
        using var wide = Pattern(320, 240);
        using var tall = Pattern(90, 200);
        var views = new FrameViews(Config);

        var batch = new FrameBatch(2, views.InputSize);
        views.WriteTestView(wide, batch.Slot(0));
        views.WriteTestView(tall, batch.Slot(1));
        using var tensor = batch.ToTensor();

        Assert.Equal(3 * 112 * 112, views.ViewLength);
        Assert.Equal([2L, 3, 112, 112], tensor.shape);
        Assert.Equal(torch.ScalarType.Float32, tensor.dtype);
        Assert.Equal(batch.Data[3 * 112 * 112 + 5], tensor[1, 0, 0, 5].ToSingle());
    }

    [Fact]
    public void Normalisation_of_a_constant_frame_matches_imagenet_mean_and_std()
    {
        // BGR (0, 128, 255): R = (255/255 - 0.485) / 0.229, G = (128/255 - 0.456) / 0.224, B = (0 - 0.406) / 0.225.
        float[] expected = [2.2489083f, 0.2051821f, -1.8044444f];
        using var frame = new Mat(150, 200, MatType.CV_8UC3, new Scalar(0, 128, 255));
        var destination = new float[3 * 112 * 112];

        new FrameViews(Config).WriteTestView(frame, destination);

        for (int channel = 0; channel < 3; channel++)
        {
            var plane = destination.AsSpan(channel * 112 * 112, 112 * 112).ToArray();
            Assert.All(plane, v => Assert.Equal(expected[channel], v, 4));
        }
    }

    [Fact]
    public void Flip_mirrors_the_view()
    {
        using var frame = Pattern(112, 112);
        var plain = TrainingView(frame, NoAugmentation() with { FlipProbability = 0 }, 5);
        var flipped = TrainingView(frame, NoAugmentation() with { FlipProbability = 1 }, 5);

        Assert.NotEqual(plain, flipped);
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < 112; y += 7)
            {
                for (int x = 0; x < 112; x++)
                {
                    Assert.Equal(plain[(c * 112 + y) * 112 + 111 - x], flipped[(c * 112 + y) * 112 + x]);
                }
            }
        }
    }

    [Fact]
    public void Grayscale_makes_the_three_channels_equal_before_normalisation()
    {
        using var frame = Pattern(112, 112);
        var view = TrainingView(frame, NoAugmentation() with { GrayscaleProbability = 1 }, 1);

        int p = 112 * 60 + 30;
        float r = (view[p] * 0.229f) + 0.485f;
        float g = (view[112 * 112 + p] * 0.224f) + 0.456f;
        float b = (view[2 * 112 * 112 + p] * 0.225f) + 0.406f;
        Assert.Equal(r, g, 4);
        Assert.Equal(g, b, 4);
    }

    [Fact]
    public void Clamping_on_the_pixels_gives_what_opencv_max_and_min_give_in_every_channel()
    {
        var random = new Random(5);
        using var frame = new Mat(13, 17, MatType.CV_32FC3);
        var values = frame.AsSpan<float>();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 3) - 1); // in [-1, 2): below, inside and above [0, 1]
        }

        values[0] = 0f;
        values[1] = 1f;
        using var expected = frame.Clone();
        Cv2.Max(expected, 0.0, expected);
        Cv2.Min(expected, 1.0, expected);

        ColourJitter.Clamp(frame);

        Assert.Equal(expected.AsSpan<float>().ToArray(), frame.AsSpan<float>().ToArray());
        using var roi = new Mat(expected, new Rect(2, 2, 5, 5)); // not continuous: the OpenCV path
        roi.SetTo(new Scalar(-3, 4, 0.5));
        ColourJitter.Clamp(roi);
        Assert.Equal(new Vec3f(0, 1, 0.5f), roi.At<Vec3f>(1, 1));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.1)]
    [InlineData(0.5)]
    [InlineData(-0.5)]
    public void Hue_shift_folds_hue_back_onto_the_circle_as_opencv_compare_and_subtract_do(double share)
    {
        var random = new Random(9);
        using var frame = new Mat(16, 16, MatType.CV_32FC3);
        var values = frame.AsSpan<float>();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextDouble();
        }

        // The reference: the fold written with OpenCV's masked subtract, as the transform did before.
        using var expected = new Mat();
        using (var hsv = new Mat())
        {
            Cv2.CvtColor(frame, hsv, ColorConversionCodes.BGR2HSV);
            Mat[] channels = Cv2.Split(hsv);
            channels[0].ConvertTo(channels[0], MatType.CV_32F, 1, share * 360 + 360);
            using var over = new Mat();
            for (int turn = 0; turn < 2; turn++)
            {
                Cv2.Compare(channels[0], 360, over, CmpTypes.GE);
                Cv2.Subtract(channels[0], new Scalar(360), channels[0], over);
            }

            Cv2.Merge(channels, hsv);
            Cv2.CvtColor(hsv, expected, ColorConversionCodes.HSV2BGR);
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }

        ColourJitter.ShiftHue(frame, share);

        Assert.Equal(expected.AsSpan<float>().ToArray(), frame.AsSpan<float>().ToArray());
    }

    [Fact]
    public void Hue_shift_of_a_third_turns_red_into_green()
    {
        using var red = new Mat(4, 4, MatType.CV_32FC3, new Scalar(0, 0, 1));

        ColourJitter.ShiftHue(red, 1.0 / 3);

        var bgr = red.At<Vec3f>(1, 1);
        Assert.Equal(0f, bgr.Item0, 3);
        Assert.Equal(1f, bgr.Item1, 3);
        Assert.Equal(0f, bgr.Item2, 3);
    }

    [Fact]
    public void Training_views_are_deterministic_per_seed_and_two_views_differ()
    {
        using var frame = Pattern(320, 240);
        var views = new FrameViews(Config);

        FrameBatch Pair(int seed)
        {
            var random = new Random(seed);
            var pair = new FrameBatch(2, views.InputSize);
            views.WriteTrainingView(frame, random, pair.Slot(0));
            views.WriteTrainingView(frame, random, pair.Slot(1));
            return pair;
        }

        var a = Pair(11);
        var b = Pair(11);
        var c = Pair(12);

        Assert.Equal(a.Data, b.Data);
        Assert.NotEqual(a.Data, c.Data);
        Assert.NotEqual(a.Slot(0).ToArray(), a.Slot(1).ToArray());
        Assert.Equal(2, a.Count);
    }

    [Fact]
    public void Random_resized_crops_keep_their_area_share_and_ratio_within_range()
    {
        var random = new Random(3);
        for (int i = 0; i < 200; i++)
        {
            var region = Crop.RandomRegion(320, 240, 0.3, 1.0, 3.0 / 4, 4.0 / 3, random);
            Assert.InRange(region.Left, 0, 320 - region.Width);
            Assert.InRange(region.Top, 0, 240 - region.Height);
            Assert.InRange(region.Width * region.Height / (320.0 * 240), 0.28, 1.0);
        }
    }

    [Fact]
    public void Config_check_names_a_resize_smaller_than_the_crop()
    {
        var problems = (Config with { InputSize = 224, ResizeShorter = 128 }).Check().ToList();

        Assert.Contains(problems, p => p.Key == "resize_shorter");
        Assert.Empty(Config.Check());
        Assert.Empty(Config.Augmentation.Check());
        Assert.Contains((Config.Augmentation with { CropScaleMin = 0.9, CropScaleMax = 0.5 }).Check(), p => p.Key == "crop_scale_min");
    }

    private static float[] TrainingView(Mat frame, AugmentationConfig augmentation, int seed)
    {
        var destination = new float[3 * 112 * 112];
        new FrameViews(Config with { Augmentation = augmentation }).WriteTrainingView(frame, new Random(seed), destination);
        return destination;
    }

    // Whole-frame crops and no photometric change, so a test can switch on exactly one transform.
    private static AugmentationConfig NoAugmentation() => new()
    {
        CropScaleMin = 1,
        CropScaleMax = 1,
        CropRatioMin = 1,
        CropRatioMax = 1,
        FlipProbability = 0,
        JitterProbability = 0,
        GrayscaleProbability = 0,
        BlurProbability = 0,
    };

    /// <summary>A frame with structure in both axes and all channels, so mirrors and crops show.</summary>
    private static Mat Pattern(int width, int height)
    {
        var frame = new Mat(height, width, MatType.CV_8UC3);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                frame.Set(y, x, new Vec3b((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x * 7 + y * 3) % 256)));
            }
        }

        return frame;
    }
}
