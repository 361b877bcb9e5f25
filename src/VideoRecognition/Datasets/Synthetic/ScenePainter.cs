using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>Paints a <see cref="Scene"/> layout into an image of any size (the frame, or a larger canvas for camera moves).</summary>
public static class ScenePainter
{
    /// <summary>
    /// Brightness scales the colours (1 = as listed); a scale keeps saturation, where an added offset would
    /// raise the saturation of dark colours.
    /// </summary>
    public static void Paint(Mat target, Scene layout, double brightness)
    {
        int width = target.Width;
        int height = target.Height;
        int horizon = (int)Math.Round(layout.Horizon * height);
        target.SetTo(Scaled(layout.Floor, brightness));
        Cv2.Rectangle(target, new Rect(0, 0, width, horizon), Scaled(layout.Sky, brightness), -1);
        foreach (SceneProp prop in layout.Props)
        {
            Scalar colour = Scaled(prop.Colour, brightness);
            int x = (int)Math.Round(prop.X * width);
            int y = (int)Math.Round(prop.Y * height);
            int w = Math.Max(1, (int)Math.Round(prop.Width * width));
            int h = Math.Max(1, (int)Math.Round(prop.Height * height));
            switch (prop.Kind)
            {
                case PropKind.Box:
                    Cv2.Rectangle(target, new Rect(x, y, w, h), colour, -1);
                    break;
                case PropKind.Frame:
                    Cv2.Rectangle(target, new Rect(x, y, w, h), colour, Math.Max(1, width / 80));
                    break;
                case PropKind.Line:
                    Cv2.Line(target, new Point(x, y), new Point(x + w, y), colour, Math.Max(1, height / 60));
                    break;
                case PropKind.Disc:
                    Cv2.Circle(target, new Point(x, y), w, colour, -1, LineTypes.AntiAlias);
                    break;
            }
        }
    }

    /// <summary>A per-video or per-shot brightness: 1 +- (0.1 + 0.2 x jitter).</summary>
    public static double DrawBrightness(Random random, double jitter) => 1 + ((0.1 + (0.2 * jitter)) * ((2 * random.NextDouble()) - 1));

    public static Scalar Scaled(Bgr colour, double brightness) => new(
        Math.Clamp(colour.B * brightness, 0, 255), Math.Clamp(colour.G * brightness, 0, 255), Math.Clamp(colour.R * brightness, 0, 255));
}
