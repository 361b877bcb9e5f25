using OpenCvSharp;

namespace VideoRecognition.Video;

/// <summary>
/// Opens captures the one way this engine decodes: OpenCV's bundled FFmpeg backend, so behaviour does not
/// depend on whichever other backends (GStreamer, system ffmpeg) a machine happens to have.
/// Each capture decodes on one thread: FFmpeg's default (a thread per core, started at every open) made
/// reading 16 frames of a small video about 15x slower here (~55 ms against ~4 ms), and the extraction
/// pipeline gets its parallelism from several decode workers and the backbone instead.
/// </summary>
internal static class FfmpegCapture
{
    /// <summary>OpenCV's CAP_PROP_N_THREADS (4.6 and later), an open parameter OpenCvSharp has no name for.</summary>
    internal const int DecoderThreadsProperty = 70;

    private static readonly int[] OneDecoderThread = [DecoderThreadsProperty, 1];
    /// <summary>An opened capture, or null when the decoder does not accept the file (never throws for bad files).</summary>
    public static VideoCapture? TryOpen(string path)
    {
        VideoCapture? capture = null;
        try
        {
            capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG, OneDecoderThread);
            if (capture.IsOpened())
            {
                return capture;
            }

            // An OpenCV without the thread parameter refuses the open; the default threading still decodes.
            capture.Dispose();
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
