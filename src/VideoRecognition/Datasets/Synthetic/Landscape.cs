using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A procedural place no class is performed in: a sky graded towards the horizon and two ranges of hills,
/// in muted colours. Unrelated footage and backdrops use it beside the class scenes.
/// </summary>
public static class Landscape
{
    public static void Paint(Mat target, Random random)
    {
        int width = target.Width;
        int height = target.Height;
        Bgr top = MutedPalette.Draw(random, 0.5, 0.9);
        Bgr horizon = MutedPalette.Draw(random, 0.6, 0.95);
        Backdrop.Gradient(target, top, horizon, Math.PI / 2);

        // Far hills lighter than near ones, as haze makes them.
        for (int range = 0; range < 2; range++)
        {
            double baseLine = height * (range == 0 ? 0.45 + (0.15 * random.NextDouble()) : 0.65 + (0.15 * random.NextDouble()));
            double amplitude = height * (0.05 + (0.1 * random.NextDouble()));
            double waves = 1 + (3 * random.NextDouble());
            double phase = 2 * Math.PI * random.NextDouble();
            var outline = new List<Point> { new(0, height) };
            for (int x = 0; x <= width; x += Math.Max(1, width / 32))
            {
                double y = baseLine - (amplitude * Math.Sin(phase + (2 * Math.PI * waves * x / width)));
                outline.Add(new Point(x, (int)Math.Round(y)));
            }

            outline.Add(new Point(width, height));
            Bgr hill = MutedPalette.Draw(random, range == 0 ? 0.45 : 0.2, range == 0 ? 0.75 : 0.55);
            Cv2.FillPoly(target, [outline.ToArray()], new Scalar(hill.B, hill.G, hill.R), LineTypes.AntiAlias);
        }
    }
}
