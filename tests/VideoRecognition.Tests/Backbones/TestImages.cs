using OpenCvSharp;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Backbones;

/// <summary>Small drawn scenes, as the video pipeline would deliver them: RGB, ImageNet-normalised.</summary>
internal static class TestImages
{
    public const int Count = 4;

    /// <summary>Count x 3 x size x size: a plain colour, a drawn object, overlapping shapes, seeded noise.</summary>
    public static Tensor Batch(int size)
    {
        using var scope = NewDisposeScope();
        var images = Enumerable.Range(0, Count).Select(i => Normalised(Draw(i, size))).ToArray();
        return stack(images).MoveToOuterDisposeScope();
    }

    public static Mat Draw(int index, int size)
    {
        var image = new Mat(size, size, MatType.CV_8UC3, new Scalar(40, 120, 200)); // BGR: an orange wall
        double s = size / 224.0;
        switch (index)
        {
            case 0:
                break;
            case 1:
                Cv2.Circle(image, new Point(112 * s, 100 * s), (int)(60 * s), new Scalar(30, 30, 30), -1);
                Cv2.Rectangle(image, new Rect((int)(90 * s), (int)(150 * s), (int)(45 * s), (int)(60 * s)), new Scalar(230, 230, 230), -1);
                break;
            case 2:
                image.SetTo(new Scalar(200, 160, 60));
                for (int k = 0; k < 8; k++)
                {
                    Cv2.Line(image, new Point(0, k * 28 * s), new Point(size, (k * 28 + 40) * s), new Scalar(20 * k, 255 - 25 * k, 90), Math.Max(1, (int)(6 * s)));
                }

                Cv2.Ellipse(image, new RotatedRect(new Point2f(150 * (float)s, 80 * (float)s), new Size2f(90 * s, 40 * s), 30), new Scalar(0, 0, 255), -1);
                break;
            default:
                Cv2.Randu(image, Scalar.All(0), Scalar.All(255));
                break;
        }

        return image;
    }

    // HWC uint8 BGR -> 3 x H x W float RGB, (x / 255 - mean) / std
    private static Tensor Normalised(Mat bgr)
    {
        using var rgb = new Mat();
        Cv2.CvtColor(bgr, rgb, ColorConversionCodes.BGR2RGB);
        bgr.Dispose();
        rgb.GetArray(out Vec3b[] pixels);
        var bytes = new byte[pixels.Length * 3];
        for (int i = 0; i < pixels.Length; i++)
        {
            (bytes[3 * i], bytes[3 * i + 1], bytes[3 * i + 2]) = (pixels[i].Item0, pixels[i].Item1, pixels[i].Item2);
        }

        using TorchSharp.Scalar full = TorchSharp.ScalarExtensionMethods.ToScalar(255f);
        var hwc = tensor(bytes, [rgb.Rows, rgb.Cols, 3]).to(ScalarType.Float32).div(full);
        var mean = tensor(new[] { 0.485f, 0.456f, 0.406f }).view(3, 1, 1);
        var std = tensor(new[] { 0.229f, 0.224f, 0.225f }).view(3, 1, 1);
        return (hwc.permute(2, 0, 1) - mean) / std;
    }
}
