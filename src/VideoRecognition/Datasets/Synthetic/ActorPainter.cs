using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>Draws an actor or a distractor (shape, colour, texture) at a pose. Outlines are precomputed on a unit circle.</summary>
public static class ActorPainter
{
    private static readonly Dictionary<ActorShape, (double X, double Y)[]> Outlines = new()
    {
        [ActorShape.Circle] = Regular(24, 1.0, 0),
        [ActorShape.Ring] = Regular(24, 1.0, 0),
        [ActorShape.Square] = [(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)],
        [ActorShape.Triangle] = Regular(3, 1.0, -Math.PI / 2),
        [ActorShape.Star] = Star(),
        [ActorShape.Cross] =
        [
            (-0.32, -1), (0.32, -1), (0.32, -0.32), (1, -0.32), (1, 0.32), (0.32, 0.32),
            (0.32, 1), (-0.32, 1), (-0.32, 0.32), (-1, 0.32), (-1, -0.32), (-0.32, -0.32),
        ],
        [ActorShape.Diamond] = [(0, -1), (0.7, 0), (0, 1), (-0.7, 0)],
        [ActorShape.Hexagon] = Regular(6, 1.0, 0),
    };

    // Texture marks lie within radius 0.32 of the centre, inside every filled shape.
    private static readonly (double X, double Y)[] Dots = [(0, 0), (-0.2, -0.2), (0.2, -0.2), (-0.2, 0.2), (0.2, 0.2)];
    private static readonly double[] StripeRows = [-0.18, 0, 0.18];

    public static void Draw(Mat frame, ActorShape shape, Bgr c, ActorTexture texture, ActorPose pose)
    {
        var colour = new Scalar(c.B, c.G, c.R);
        var dark = new Scalar(c.B * 0.4, c.G * 0.4, c.R * 0.4);
        int line = Math.Max(1, (int)Math.Round(0.12 * pose.Radius));

        if (!double.IsNaN(pose.PivotX))
        {
            Cv2.Line(frame, Pixel(pose.PivotX, pose.PivotY), Pixel(pose.X, pose.Y), new Scalar(40, 40, 40), 1, LineTypes.AntiAlias);
        }

        Point[] outline = Outlines[shape].Select(p => Place(p, pose)).ToArray();
        if (shape == ActorShape.Ring)
        {
            Cv2.Polylines(frame, [outline], isClosed: true, colour, Math.Max(2, (int)Math.Round(0.35 * pose.Radius)), LineTypes.AntiAlias);
        }
        else
        {
            Cv2.FillPoly(frame, [outline], colour, LineTypes.AntiAlias);
        }

        switch (texture)
        {
            case ActorTexture.Striped:
                foreach (double row in StripeRows)
                {
                    Cv2.Line(frame, Place((-0.25, row), pose), Place((0.25, row), pose), dark, line, LineTypes.AntiAlias);
                }

                break;
            case ActorTexture.Dotted when shape != ActorShape.Ring:
                foreach ((double X, double Y) dot in Dots)
                {
                    Cv2.Circle(frame, Place(dot, pose), Math.Max(1, (int)Math.Round(0.08 * pose.Radius)), dark, -1, LineTypes.AntiAlias);
                }

                break;
            case ActorTexture.Outlined:
                Cv2.Polylines(frame, [outline], isClosed: true, new Scalar(245, 245, 245), line, LineTypes.AntiAlias);
                break;
        }
    }

    private static Point Place((double X, double Y) local, ActorPose pose)
    {
        double cos = Math.Cos(pose.Angle);
        double sin = Math.Sin(pose.Angle);
        return Pixel(pose.X + (pose.Radius * ((local.X * cos) - (local.Y * sin))), pose.Y + (pose.Radius * ((local.X * sin) + (local.Y * cos))));
    }

    private static Point Pixel(double x, double y) => new((int)Math.Round(x), (int)Math.Round(y));

    private static (double X, double Y)[] Regular(int corners, double radius, double start) =>
        Enumerable.Range(0, corners)
            .Select(i => start + (2 * Math.PI * i / corners))
            .Select(a => (radius * Math.Cos(a), radius * Math.Sin(a)))
            .ToArray();

    private static (double X, double Y)[] Star() =>
        Enumerable.Range(0, 10)
            .Select(i => (Angle: (-Math.PI / 2) + (Math.PI * i / 5), Radius: i % 2 == 0 ? 1.0 : 0.45))
            .Select(p => (p.Radius * Math.Cos(p.Angle), p.Radius * Math.Sin(p.Angle)))
            .ToArray();
}
