namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A colour as hue (degrees, [0, 360)), saturation and value ([0, 1]). The generator reasons in HSV because
/// "an actor is saturated and bright, everything else is muted" is a statement about S and V, not about BGR.
/// </summary>
public readonly record struct Hsv(double Hue, double Saturation, double Value)
{
    public Bgr ToBgr()
    {
        double h = ((Hue % 360) + 360) % 360 / 60;
        double c = Value * Saturation;
        double x = c * (1 - Math.Abs((h % 2) - 1));
        (double r, double g, double b) = (int)h switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        double m = Value - c;
        return new Bgr(Byte(b + m), Byte(g + m), Byte(r + m));
    }

    public static Hsv From(Bgr colour)
    {
        double b = colour.B / 255.0;
        double g = colour.G / 255.0;
        double r = colour.R / 255.0;
        double max = Math.Max(r, Math.Max(g, b));
        double min = Math.Min(r, Math.Min(g, b));
        double delta = max - min;
        double hue = delta == 0 ? 0
            : max == r ? 60 * (((g - b) / delta) % 6)
            : max == g ? 60 * (((b - r) / delta) + 2)
            : 60 * (((r - g) / delta) + 4);
        return new Hsv((hue + 360) % 360, max == 0 ? 0 : delta / max, max);
    }

    private static byte Byte(double unit) => (byte)Math.Clamp((int)Math.Round(unit * 255), 0, 255);
}
