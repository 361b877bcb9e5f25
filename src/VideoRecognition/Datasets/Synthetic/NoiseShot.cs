using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>Grey static, new every frame: a dead channel.</summary>
public sealed class NoiseShot(int width, int height, Random random) : NbgShot
{
    private readonly byte[] bytes = new byte[width * height];
    private readonly Mat grey = new(height, width, MatType.CV_8UC1);

    public override void Paint(Mat frame, int index, int frames)
    {
        random.NextBytes(bytes);
        grey.SetArray(bytes);
        Cv2.CvtColor(grey, frame, ColorConversionCodes.GRAY2BGR);
    }

    protected override void Dispose(bool disposing) => grey.Dispose();
}
