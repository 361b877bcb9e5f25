using OpenCvSharp;

namespace VideoRecognition.Video;

/// <summary>
/// Opens captures the one way this engine decodes: OpenCV's bundled FFmpeg backend, so behaviour does not
/// depend on whichever other backends (GStreamer, system ffmpeg) a machine happens to have.
/// </summary>
internal static class FfmpegCapture
{
    /// <summary>An opened capture, or null when the decoder does not accept the file (never throws for bad files).</summary>
    public static VideoCapture? TryOpen(string path)
    {
        VideoCapture? capture = null;
        try
        {
            capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
            if (capture.IsOpened())
            {
                return capture;
            }
        }
        catch (OpenCVException)
        {
            // Some malformed files make the backend throw instead of returning "not opened".
        }

        capture?.Dispose();
        return null;
    }
}
