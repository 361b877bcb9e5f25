using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// Paints the content frames of one video into a reused frame buffer: its scene (painted once), with the
/// actor on screen and a distractor, if any. Non-informative spans are painted by an <see cref="NbgShot"/>
/// into the same <see cref="Frame"/>.
/// </summary>
public sealed class FramePainter : IDisposable
{
    private readonly Mat scene;

    public FramePainter(int width, int height, Scene sceneLayout, double brightness)
    {
        Width = width;
        Height = height;
        Frame = new Mat(height, width, MatType.CV_8UC3);
        scene = new Mat(height, width, MatType.CV_8UC3);
        ScenePainter.Paint(scene, sceneLayout, brightness);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The frame last painted; valid until the next Paint call.</summary>
    public Mat Frame { get; }

    /// <summary>The scene at <paramref name="seconds"/>; the distractor goes behind the actor, which stays whole.</summary>
    public void PaintContent(ActorPerformance? actor, Distractor? distractor, double seconds)
    {
        scene.CopyTo(Frame);
        distractor?.Paint(Frame, seconds);
        actor?.Paint(Frame, seconds);
    }

    public void Dispose()
    {
        Frame.Dispose();
        scene.Dispose();
    }
}
