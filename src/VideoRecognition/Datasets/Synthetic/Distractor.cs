using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// An object in a content span that no class is: an actor's shape and colour family, but drifting slowly in
/// a straight line (bounced off the frame edges), a motion no class has. It puts actor-like appearance
/// into frames where it does not name the class, so appearance alone stops being enough
/// (synth.distractor_share).
/// </summary>
public sealed record Distractor(ActorShape Shape, Bgr Colour, ActorTexture Texture, double X, double Y, double VelocityX, double VelocityY, double Radius, double Spin)
{
    /// <summary>
    /// A distractor whose colour family is none of <paramref name="onScreen"/> (the classes whose actors the span
    /// shows), so the actor on screen stays the only thing of its colour family.
    /// </summary>
    public static Distractor Draw(Random random, IReadOnlyCollection<ActorColour> onScreen, double jitter, int width, int height)
    {
        ActorShape[] shapes = Enum.GetValues<ActorShape>();
        ActorColour[] colours = ActorColour.All.Where(c => !onScreen.Contains(c)).ToArray();
        ActorTexture[] textures = Enum.GetValues<ActorTexture>();
        double speed = (0.03 + (0.05 * random.NextDouble())) * width;
        double heading = 2 * Math.PI * random.NextDouble();
        return new Distractor(
            shapes[random.Next(shapes.Length)],
            colours[random.Next(colours.Length)].Draw(random, jitter).ToBgr(),
            textures[random.Next(textures.Length)],
            X: width * (0.15 + (0.7 * random.NextDouble())),
            Y: height * (0.15 + (0.7 * random.NextDouble())),
            VelocityX: speed * Math.Cos(heading),
            VelocityY: speed * Math.Sin(heading),
            Radius: 0.12 * height * (0.7 + (0.5 * random.NextDouble())),
            Spin: 0.6 * ((2 * random.NextDouble()) - 1));
    }

    public void Paint(Mat frame, double seconds)
    {
        var pose = new ActorPose(
            Reflect(X + (VelocityX * seconds), Radius, frame.Width - Radius),
            Reflect(Y + (VelocityY * seconds), Radius, frame.Height - Radius),
            Radius,
            Spin * seconds);
        ActorPainter.Draw(frame, Shape, Colour, Texture, pose);
    }

    // Bounces a straight path between low and high.
    private static double Reflect(double x, double low, double high)
    {
        double span = high - low;
        if (span <= 0)
        {
            return (low + high) / 2;
        }

        double t = (x - low) % (2 * span);
        t = t < 0 ? t + (2 * span) : t;
        return low + (t <= span ? t : (2 * span) - t);
    }
}
