using OpenCvSharp;

namespace VideoRecognition.Tests.Video;

/// <summary>
/// The plainest possible read, independent of FrameReader's seeking logic: one capture, grab every frame
/// from the start, retrieve the wanted ones. The truth the reader is compared with.
/// </summary>
internal static class SequentialReference
{
    public static Dictionary<int, Mat> Frames(string path, IEnumerable<int> indices)
    {
        var wanted = indices.ToHashSet();
        var frames = new Dictionary<int, Mat>();
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        Assert.True(capture.IsOpened(), $"{path} does not open");
        int last = wanted.Max();
        for (int index = 0; index <= last && capture.Grab(); index++)
        {
            if (wanted.Contains(index))
            {
                var frame = new Mat();
                capture.Retrieve(frame);
                frames[index] = frame;
            }
        }

        return frames;
    }

    /// <summary>Mean absolute difference per pixel channel (0 = identical, 255 = opposite).</summary>
    public static double MeanAbsoluteDifference(Mat a, Mat b)
    {
        Assert.Equal(a.Size(), b.Size());
        Assert.Equal(a.Type(), b.Type());
        return Cv2.Norm(a, b, NormTypes.L1) / (a.Total() * a.Channels());
    }
}
