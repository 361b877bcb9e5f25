using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// Footage unrelated to every class: a class scene or a landscape, panned slowly, with muted clutter drifting
/// through (<see cref="Clutter"/>). It moves and has structure like content does, but no actor is in it.
/// </summary>
public sealed class UnrelatedFootageShot : NbgShot
{
    private readonly Mat canvas;
    private readonly Clutter[] clutter;
    private readonly double fps;
    private readonly double panPerFrame;

    public UnrelatedFootageShot(int width, int height, double fps, Random random)
    {
        this.fps = fps;
        canvas = new Mat(height, width + (width / 2), MatType.CV_8UC3);
        if (random.NextDouble() < 0.5)
        {
            ScenePainter.Paint(canvas, Scene.All[random.Next(Scene.All.Count)], ScenePainter.DrawBrightness(random, 1.0));
        }
        else
        {
            Landscape.Paint(canvas, random);
        }

        clutter = Enumerable.Range(0, 3 + random.Next(5)).Select(_ => Clutter.Draw(random, width, height)).ToArray();
        panPerFrame = (random.NextDouble() < 0.5 ? -1 : 1) * width * (0.005 + (0.02 * random.NextDouble()));
    }

    public override void Paint(Mat frame, int index, int frames)
    {
        int room = canvas.Width - frame.Width;
        double start = panPerFrame > 0 ? 0 : room;
        int left = Math.Clamp((int)Math.Round(start + (panPerFrame * index)), 0, room);
        using (Mat view = new(canvas, new Rect(left, 0, frame.Width, frame.Height)))
        {
            view.CopyTo(frame);
        }

        foreach (Clutter item in clutter)
        {
            item.Paint(frame, index / fps);
        }
    }

    protected override void Dispose(bool disposing) => canvas.Dispose();
}
