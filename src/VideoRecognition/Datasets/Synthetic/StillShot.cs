using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>A shot that holds one image for its whole span (black, blur, title card, logo).</summary>
public sealed class StillShot : NbgShot
{
    private readonly Mat image;

    private StillShot(Mat image) => this.image = image;

    public static StillShot Compose(int width, int height, Action<Mat> paint)
    {
        var image = new Mat(height, width, MatType.CV_8UC3, Scalar.All(0));
        paint(image);
        return new StillShot(image);
    }

    public override void Paint(Mat frame, int index, int frames) => image.CopyTo(frame);

    protected override void Dispose(bool disposing) => image.Dispose();
}
