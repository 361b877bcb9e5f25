using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// What title cards and logos are laid over: a class scene or a landscape (sometimes softened), or a
/// textured gradient. Varied on purpose: a flat-colour card is told from content by its pixel statistics alone.
/// </summary>
public static class Backdrop
{
    public static void Paint(Mat target, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                ScenePainter.Paint(target, Scene.All[random.Next(Scene.All.Count)], ScenePainter.DrawBrightness(random, 1.0));
                break;
            case 1:
                Landscape.Paint(target, random);
                break;
            default:
                Gradient(target, MutedPalette.Draw(random), MutedPalette.Draw(random), Math.PI * random.NextDouble());
                Texture(target, random);
                break;
        }

        if (random.NextDouble() < 0.4)
        {
            Cv2.GaussianBlur(target, target, new Size(0, 0), 1 + (3 * random.NextDouble()));
        }
    }

    /// <summary>A linear blend from <paramref name="from"/> to <paramref name="to"/> along the direction <paramref name="angle"/> (radians).</summary>
    public static void Gradient(Mat target, Bgr from, Bgr to, double angle)
    {
        int width = target.Width;
        int height = target.Height;
        double dx = Math.Cos(angle);
        double dy = Math.Sin(angle);
        double low = Math.Min(0, width * dx) + Math.Min(0, height * dy);
        double high = Math.Max(0, width * dx) + Math.Max(0, height * dy);
        var pixels = new Vec3b[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double t = ((x * dx) + (y * dy) - low) / Math.Max(1e-9, high - low);
                pixels[(y * width) + x] = new Vec3b(Mix(from.B, to.B, t), Mix(from.G, to.G, t), Mix(from.R, to.R, t));
            }
        }

        target.SetArray(pixels);
    }

    // Stripes, a checkerboard or speckle over the gradient, in another muted colour.
    private static void Texture(Mat target, Random random)
    {
        int width = target.Width;
        int height = target.Height;
        Bgr ink = MutedPalette.Draw(random);
        var colour = new Scalar(ink.B, ink.G, ink.R);
        switch (random.Next(3))
        {
            case 0:
                int spacing = 6 + random.Next(14);
                int thickness = 1 + random.Next(Math.Max(1, spacing / 2));
                int slant = random.Next(-height, height + 1);
                for (int x = -height; x < width + height; x += spacing)
                {
                    Cv2.Line(target, new Point(x, 0), new Point(x + slant, height), colour, thickness);
                }

                break;
            case 1:
                int cell = 8 + random.Next(16);
                for (int y = 0; y < height; y += cell)
                {
                    for (int x = ((y / cell) % 2) * cell; x < width; x += 2 * cell)
                    {
                        Cv2.Rectangle(target, new Rect(x, y, cell, cell), colour, -1);
                    }
                }

                break;
            default:
                var speckle = new byte[width * height];
                random.NextBytes(speckle);
                using (var grain = new Mat(height, width, MatType.CV_8UC1))
                using (var grain3 = new Mat())
                {
                    grain.SetArray(speckle);
                    Cv2.CvtColor(grain, grain3, ColorConversionCodes.GRAY2BGR);
                    Cv2.AddWeighted(target, 0.75, grain3, 0.25, 0, target);
                }

                break;
        }
    }

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Clamp((int)Math.Round(a + ((b - a) * t)), 0, 255);
}
