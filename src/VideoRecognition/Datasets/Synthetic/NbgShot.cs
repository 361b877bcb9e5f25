using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// The frames of one non-informative span, painted one at a time. Each span opens a shot of its own, so two
/// title cards (or two blurs) in a video differ; nothing in a shot depends on the video's class or scene,
/// and no shot paints an actor.
/// </summary>
public abstract class NbgShot : IDisposable
{
    /// <summary>The NBG kinds a timeline draws from.</summary>
    public static readonly IReadOnlyList<SpanContent> Kinds =
    [
        SpanContent.Black, SpanContent.Noise, SpanContent.Blur, SpanContent.Fade,
        SpanContent.TitleCard, SpanContent.Logo, SpanContent.UnrelatedFootage, SpanContent.CameraShake,
    ];

    /// <summary>Opens a shot of the given kind; all its randomness is drawn from <paramref name="random"/>, now or while painting.</summary>
    public static NbgShot Open(SpanContent content, int width, int height, double fps, Random random) => content switch
    {
        SpanContent.Black => StillShot.Compose(width, height, image => image.SetTo(Scalar.All(random.Next(0, 7)))),
        SpanContent.Noise => new NoiseShot(width, height, random),
        SpanContent.Blur => StillShot.Compose(width, height, image =>
        {
            // A random place, not the video's own: a blurred home scene would still hint at the class.
            ScenePainter.Paint(image, Scene.All[random.Next(Scene.All.Count)], ScenePainter.DrawBrightness(random, 1.0));
            Cv2.GaussianBlur(image, image, new Size(0, 0), (0.08 + (0.06 * random.NextDouble())) * width);
        }),
        SpanContent.Fade => new FadeShot(width, height, random),
        SpanContent.TitleCard => StillShot.Compose(width, height, image => TitleCard.Compose(image, random)),
        SpanContent.Logo => StillShot.Compose(width, height, image => Logo.Compose(image, random)),
        SpanContent.UnrelatedFootage => new UnrelatedFootageShot(width, height, fps, random),
        SpanContent.CameraShake => new CameraShakeShot(width, height, random),
        _ => throw new ArgumentOutOfRangeException(nameof(content), content, "not a non-informative kind"),
    };

    /// <summary>Paints frame <paramref name="index"/> of <paramref name="frames"/> into <paramref name="frame"/>.</summary>
    public abstract void Paint(Mat frame, int index, int frames);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
