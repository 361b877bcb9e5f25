namespace VideoRecognition.Datasets.Synthetic;

/// <summary>Where the actor is at one instant: centre and radius in pixels, rotation in radians, and an optional rope pivot.</summary>
public readonly record struct ActorPose(double X, double Y, double Radius, double Angle, double PivotX = double.NaN, double PivotY = double.NaN);

/// <summary>
/// One actor of a class performing its motion, with per-performance nuisance drawn per video, not per class
/// (speed, phase, position, size, exact colour, texture), so that two videos of a class are not pixel copies
/// and no exact colour or size belongs to one class, while the motion stays recognisable.
/// </summary>
public sealed record ActorPerformance(SyntheticClass Class, double Speed, double Phase, double CentreX, double Size, Bgr Colour, ActorTexture Texture)
{
    /// <summary>One motion cycle lasts about this long at speed 1; segments of a second or two see a cycle.</summary>
    private const double CycleSeconds = 2.0;

    /// <summary>A performance whose colour and size spread grow with <paramref name="jitter"/> (synth.appearance_jitter).</summary>
    public static ActorPerformance Draw(SyntheticClass actorClass, Random random, double jitter) => new(
        actorClass,
        Speed: 0.8 + (0.4 * random.NextDouble()),
        Phase: 2 * Math.PI * random.NextDouble(),
        CentreX: 0.4 + (0.2 * random.NextDouble()),
        Size: 1 + ((0.1 + (0.3 * jitter)) * ((2 * random.NextDouble()) - 1)),
        Colour: actorClass.Colour.Draw(random, jitter).ToBgr(),
        Texture: Enum.GetValues<ActorTexture>()[random.Next(Enum.GetValues<ActorTexture>().Length)]);

    public void Paint(OpenCvSharp.Mat frame, double seconds) =>
        ActorPainter.Draw(frame, Class.Shape, Colour, Texture, PoseAt(seconds, frame.Width, frame.Height));

    public ActorPose PoseAt(double seconds, int width, int height)
    {
        double radius = Size * 0.12 * height;
        double p = (2 * Math.PI * Speed * seconds / CycleSeconds) + Phase;
        double cx = CentreX * width;
        double ground = (0.82 * height) - radius;
        double middle = 0.55 * height;
        return Class.Motion switch
        {
            ActorMotion.Bouncing => new(cx + (0.15 * width * Math.Sin(p / 2)), ground - (0.4 * height * Math.Abs(Math.Sin(p))), radius, 0),
            ActorMotion.Orbiting => new(cx + (0.22 * width * Math.Cos(p)), 0.5 * height + (0.22 * height * Math.Sin(p)), radius, 0),
            ActorMotion.Zigzagging => new(cx + (0.3 * width * Triangle(p / 2)), middle + (0.18 * height * Triangle(2 * p)), radius, 0),
            ActorMotion.Pulsing => new(cx, middle, radius * (1 + (0.45 * Math.Sin(2 * p))), 0),
            ActorMotion.Spinning => new(cx, middle, radius, 2 * p),
            ActorMotion.Sliding => new(width * (0.1 + (0.8 * Fraction((p / (2 * Math.PI) * 0.5) + (Phase / (2 * Math.PI))))), ground, radius, 0),
            ActorMotion.Swinging => Swing(p, cx, height, radius),
            ActorMotion.Shaking => new(cx + (0.04 * width * Math.Sin(7 * p)), middle + (0.04 * height * Math.Sin((9 * p) + 1)), radius, 0.3 * Math.Sin(11 * p)),
            _ => throw new ArgumentOutOfRangeException(nameof(Class), Class.Motion, "unknown motion"),
        };
    }

    private static ActorPose Swing(double p, double cx, int height, double radius)
    {
        double pivotY = 0.05 * height;
        double rope = 0.55 * height;
        double theta = 0.8 * Math.Sin(p);
        return new(cx + (rope * Math.Sin(theta)), pivotY + (rope * Math.Cos(theta)), radius, theta, cx, pivotY);
    }

    // A wave in [-1, 1] with straight runs and sharp turns: the zigzag.
    private static double Triangle(double p) => (2 / Math.PI) * Math.Asin(Math.Sin(p));

    private static double Fraction(double x) => x - Math.Floor(x);
}
