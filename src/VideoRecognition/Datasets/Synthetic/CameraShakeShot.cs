using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A camera shaken hard: every frame a large random jump over a place with some clutter, smeared by motion
/// blur along a random direction, so nothing in it is recognisable. Never an actor.
/// </summary>
public sealed class CameraShakeShot : NbgShot
{
    private readonly Mat canvas;
    private readonly Mat kernel = new();
    private readonly Random random;

    public CameraShakeShot(int width, int height, Random random)
    {
        this.random = random;

        // 1.6 times the frame each way: jumps of up to 30% of the frame either way stay inside the picture.
        canvas = new Mat((int)(1.6 * height), (int)(1.6 * width), MatType.CV_8UC3);
        if (random.NextDouble() < 0.7)
        {
            ScenePainter.Paint(canvas, Scene.All[random.Next(Scene.All.Count)], ScenePainter.DrawBrightness(random, 1.0));
        }
        else
        {
            Landscape.Paint(canvas, random);
        }

        for (int i = 2 + random.Next(4); i > 0; i--)
        {
            Clutter.Draw(random, canvas.Width, canvas.Height).Paint(canvas, 0);
        }
    }

    public override void Paint(Mat frame, int index, int frames)
    {
        int left = random.Next(canvas.Width - frame.Width + 1);
        int top = random.Next(canvas.Height - frame.Height + 1);
        using Mat view = new(canvas, new Rect(left, top, frame.Width, frame.Height));

        // A line kernel: the picture smeared along the direction the camera jerked.
        int length = 2 * (4 + random.Next(9)) + 1;
        double angle = Math.PI * random.NextDouble();
        using (var line = new Mat(length, length, MatType.CV_32FC1, Scalar.All(0)))
        {
            int c = length / 2;
            var reach = new Point((int)Math.Round(c * Math.Cos(angle)), (int)Math.Round(c * Math.Sin(angle)));
            Cv2.Line(line, new Point(c - reach.X, c - reach.Y), new Point(c + reach.X, c + reach.Y), Scalar.All(1), 1);
            line.ConvertTo(kernel, MatType.CV_32FC1, 1.0 / Cv2.Sum(line).Val0);
        }

        Cv2.Filter2D(view, frame, -1, kernel, borderType: BorderTypes.Reflect);
    }

    protected override void Dispose(bool disposing)
    {
        canvas.Dispose();
        kernel.Dispose();
    }
}
