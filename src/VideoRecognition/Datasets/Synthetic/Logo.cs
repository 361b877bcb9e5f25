using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A channel or sponsor logo: an emblem (badge, shield or plate, with initials) that is no class's actor,
/// over a varied <see cref="Backdrop"/>. Emblems are muted like everything that is not an actor.
/// </summary>
public static class Logo
{
    private const string Letters = "ABCDEFGHKLMNPRSTVWXYZ";

    public static void Compose(Mat target, Random random)
    {
        Backdrop.Paint(target, random);
        int width = target.Width;
        int height = target.Height;
        double size = height * (0.2 + (0.22 * random.NextDouble()));
        bool corner = random.NextDouble() < 0.3;
        double cx = corner ? (random.NextDouble() < 0.5 ? 0.2 : 0.8) * width : width * (0.4 + (0.2 * random.NextDouble()));
        double cy = corner ? (random.NextDouble() < 0.5 ? 0.25 : 0.75) * height : height * (0.4 + (0.2 * random.NextDouble()));
        if (corner)
        {
            size *= 0.7;
        }

        Bgr fill = MutedPalette.Draw(random, 0.25, 0.85);
        bool lightInk = Hsv.From(fill).Value < 0.55;
        Scalar ink = Colour(MutedPalette.Ink(random, lightInk));
        Scalar rim = Colour(MutedPalette.Ink(random, random.NextDouble() < 0.5));
        int rimWidth = Math.Max(1, (int)(size * 0.08));
        var centre = new Point((int)cx, (int)cy);
        switch (random.Next(3))
        {
            case 0:
                var axes = new Size((int)size, (int)(size * (0.55 + (0.25 * random.NextDouble()))));
                Cv2.Ellipse(target, centre, axes, 0, 0, 360, Colour(fill), -1, LineTypes.AntiAlias);
                Cv2.Ellipse(target, centre, axes, 0, 0, 360, rim, rimWidth, LineTypes.AntiAlias);
                break;
            case 1:
                Point[] shield =
                [
                    Offset(centre, -0.8 * size, -0.8 * size), Offset(centre, 0.8 * size, -0.8 * size),
                    Offset(centre, 0.8 * size, 0.1 * size), Offset(centre, 0, 0.95 * size), Offset(centre, -0.8 * size, 0.1 * size),
                ];
                Cv2.FillPoly(target, [shield], Colour(fill), LineTypes.AntiAlias);
                Cv2.Polylines(target, [shield], true, rim, rimWidth, LineTypes.AntiAlias);
                break;
            default:
                var plate = new Rect((int)(cx - (1.2 * size)), (int)(cy - (0.5 * size)), (int)(2.4 * size), (int)size);
                Cv2.Rectangle(target, plate, Colour(fill), -1);
                Cv2.Rectangle(target, plate, rim, rimWidth);
                break;
        }

        string initials = new(Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Letters[random.Next(Letters.Length)]).ToArray());
        const HersheyFonts Font = HersheyFonts.HersheyDuplex;
        int thickness = Math.Max(1, (int)(size / 14));
        double scale = 1.0;
        Size text = Cv2.GetTextSize(initials, Font, scale, thickness, out _);
        scale *= 1.1 * size / Math.Max(text.Width, 1.5 * text.Height);
        text = Cv2.GetTextSize(initials, Font, scale, thickness, out _);
        Cv2.PutText(target, initials, new Point(centre.X - (text.Width / 2), centre.Y + (text.Height / 2)), Font, scale, ink, thickness, LineTypes.AntiAlias);
    }

    private static Scalar Colour(Bgr c) => new(c.B, c.G, c.R);

    private static Point Offset(Point centre, double dx, double dy) => new(centre.X + (int)Math.Round(dx), centre.Y + (int)Math.Round(dy));
}
