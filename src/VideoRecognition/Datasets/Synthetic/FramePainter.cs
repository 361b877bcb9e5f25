using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// Paints the frames of one video into a reused frame buffer: its scene (painted once), actors acting in
/// it, and the kinds of non-informative background. All randomness comes from the caller's Random
/// (never OpenCV's global RNG, which is shared between threads and would break determinism).
/// </summary>
public sealed class FramePainter : IDisposable
{
    private readonly Mat scene;
    private readonly Mat blurredScene;
    private readonly Mat titleCard;
    private readonly Mat noise;
    private readonly byte[] noiseBytes;

    public FramePainter(int width, int height, Scene sceneLayout, Random random)
    {
        Width = width;
        Height = height;
        Frame = new Mat(height, width, MatType.CV_8UC3);
        scene = new Mat(height, width, MatType.CV_8UC3);
        titleCard = new Mat(height, width, MatType.CV_8UC3);
        noise = new Mat(height, width, MatType.CV_8UC1);
        noiseBytes = new byte[width * height];
        PaintSceneLayout(sceneLayout, random.Next(-12, 13));

        // Heavy enough that neither props nor layout survive: the "out of focus" kind of nothing.
        blurredScene = new Mat();
        Cv2.GaussianBlur(scene, blurredScene, new Size(0, 0), 0.12 * width);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The frame last painted; valid until the next Paint call.</summary>
    public Mat Frame { get; }

    public void PaintScene() => scene.CopyTo(Frame);

    public void PaintActing(ActorPerformance performance, double seconds)
    {
        scene.CopyTo(Frame);
        ActorPainter.Draw(Frame, performance.Class, performance.PoseAt(seconds, Width, Height));
    }

    public void PaintFlat(byte level) => Frame.SetTo(new Scalar(level, level, level));

    public void PaintNoise(Random random)
    {
        random.NextBytes(noiseBytes);
        noise.SetArray(noiseBytes);
        Cv2.CvtColor(noise, Frame, ColorConversionCodes.GRAY2BGR);
    }

    public void PaintBlur() => blurredScene.CopyTo(Frame);

    /// <summary>Fades the scene to black: progress 0 is a dimmed scene, 1 is black.</summary>
    public void PaintFade(double progress) => scene.ConvertTo(Frame, MatType.CV_8UC3, 0.7 * (1 - progress));

    /// <summary>Lays out a new title card (flat colour with a few text-like bars); <see cref="PaintTitleCard"/> shows it.</summary>
    public void ComposeTitleCard(Random random)
    {
        var background = new Scalar(random.Next(20, 120), random.Next(20, 120), random.Next(20, 120));
        titleCard.SetTo(background);
        var ink = new Scalar(230, 230, 230);
        int bars = random.Next(2, 5);
        int rowHeight = Math.Max(2, Height / 16);
        int top = (Height / 2) - (bars * rowHeight);
        for (int i = 0; i < bars; i++)
        {
            int length = (int)(Width * (0.3 + (0.4 * random.NextDouble())));
            int left = (Width - length) / 2;
            int y = top + (2 * i * rowHeight);
            Cv2.Rectangle(titleCard, new Rect(left, y, length, rowHeight), ink, -1);
        }
    }

    public void PaintTitleCard() => titleCard.CopyTo(Frame);

    public void Dispose()
    {
        Frame.Dispose();
        scene.Dispose();
        blurredScene.Dispose();
        titleCard.Dispose();
        noise.Dispose();
    }

    private void PaintSceneLayout(Scene layout, int brightness)
    {
        int horizon = (int)Math.Round(layout.Horizon * Height);
        scene.SetTo(Shift(layout.Floor, brightness));
        Cv2.Rectangle(scene, new Rect(0, 0, Width, horizon), Shift(layout.Sky, brightness), -1);
        foreach (SceneProp prop in layout.Props)
        {
            Scalar colour = Shift(prop.Colour, brightness);
            int x = (int)Math.Round(prop.X * Width);
            int y = (int)Math.Round(prop.Y * Height);
            int w = Math.Max(1, (int)Math.Round(prop.Width * Width));
            int h = Math.Max(1, (int)Math.Round(prop.Height * Height));
            switch (prop.Kind)
            {
                case PropKind.Box:
                    Cv2.Rectangle(scene, new Rect(x, y, w, h), colour, -1);
                    break;
                case PropKind.Frame:
                    Cv2.Rectangle(scene, new Rect(x, y, w, h), colour, Math.Max(1, Width / 80));
                    break;
                case PropKind.Line:
                    Cv2.Line(scene, new Point(x, y), new Point(x + w, y), colour, Math.Max(1, Height / 60));
                    break;
                case PropKind.Disc:
                    Cv2.Circle(scene, new Point(x, y), w, colour, -1, LineTypes.AntiAlias);
                    break;
            }
        }
    }

    private static Scalar Shift(Bgr colour, int brightness) => new(
        Math.Clamp(colour.B + brightness, 0, 255), Math.Clamp(colour.G + brightness, 0, 255), Math.Clamp(colour.R + brightness, 0, 255));
}
