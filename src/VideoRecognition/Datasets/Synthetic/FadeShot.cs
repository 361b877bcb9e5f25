using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A transition: a random scene or landscape fading out to black or white, or in from it. The place is drawn
/// per shot, not taken from the video, so a fade does not show the video's scene.
/// </summary>
public sealed class FadeShot : NbgShot
{
    private readonly Mat place;
    private readonly Mat flat;
    private readonly bool fadingIn;

    public FadeShot(int width, int height, Random random)
    {
        place = new Mat(height, width, MatType.CV_8UC3);
        if (random.NextDouble() < 0.7)
        {
            ScenePainter.Paint(place, Scene.All[random.Next(Scene.All.Count)], ScenePainter.DrawBrightness(random, 1.0));
        }
        else
        {
            Landscape.Paint(place, random);
        }

        flat = new Mat(height, width, MatType.CV_8UC3, Scalar.All(random.NextDouble() < 0.8 ? 0 : 255));
        fadingIn = random.NextDouble() < 0.5;
    }

    public override void Paint(Mat frame, int index, int frames)
    {
        double progress = (index + 1) / (double)frames;
        double shown = fadingIn ? progress : 1 - progress;
        Cv2.AddWeighted(place, shown, flat, 1 - shown, 0, frame);
    }

    protected override void Dispose(bool disposing)
    {
        place.Dispose();
        flat.Dispose();
    }
}
