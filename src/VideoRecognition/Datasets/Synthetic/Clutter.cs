using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A muted prop drifting through unrelated footage (a crate, a plank, a ball): it moves, but in a straight
/// line at a steady turn, wrapping around the frame, and in colours no actor has, so it is nobody's action.
/// </summary>
public sealed record Clutter(PropKind Kind, Bgr Colour, double X, double Y, double VelocityX, double VelocityY, double Width, double Height, double Angle, double Spin)
{
    public static Clutter Draw(Random random, int width, int height)
    {
        PropKind[] kinds = [PropKind.Box, PropKind.Line, PropKind.Disc];
        PropKind kind = kinds[random.Next(kinds.Length)];
        double size = height * (0.06 + (0.14 * random.NextDouble()));
        double speed = width * (0.05 + (0.25 * random.NextDouble()));
        double heading = 2 * Math.PI * random.NextDouble();
        return new Clutter(
            kind,
            MutedPalette.Draw(random, 0.2, 0.85),
            width * random.NextDouble(),
            height * random.NextDouble(),
            speed * Math.Cos(heading),
            speed * Math.Sin(heading) * 0.4,
            kind == PropKind.Line ? size * 3 : size,
            kind == PropKind.Line ? Math.Max(2, size * 0.25) : size * (0.6 + (0.8 * random.NextDouble())),
            Math.PI * random.NextDouble(),
            1.5 * ((2 * random.NextDouble()) - 1));
    }

    public void Paint(Mat frame, double seconds)
    {
        int width = frame.Width;
        int height = frame.Height;
        double x = Wrap(X + (VelocityX * seconds), width);
        double y = Wrap(Y + (VelocityY * seconds), height);
        var colour = new Scalar(Colour.B, Colour.G, Colour.R);
        if (Kind == PropKind.Disc)
        {
            Cv2.Circle(frame, new Point((int)x, (int)y), (int)(Width / 2), colour, -1, LineTypes.AntiAlias);
            return;
        }

        double angle = Angle + (Spin * seconds);
        double cos = Math.Cos(angle);
        double sin = Math.Sin(angle);
        Point[] corners = new[] { (-1, -1), (1, -1), (1, 1), (-1, 1) }
            .Select(c => new Point(
                (int)Math.Round(x + (c.Item1 * Width / 2 * cos) - (c.Item2 * Height / 2 * sin)),
                (int)Math.Round(y + (c.Item1 * Width / 2 * sin) + (c.Item2 * Height / 2 * cos))))
            .ToArray();
        Cv2.FillPoly(frame, [corners], colour, LineTypes.AntiAlias);
    }

    private static double Wrap(double value, double range) => ((value % range) + range) % range;
}
