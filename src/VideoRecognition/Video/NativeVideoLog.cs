using System.Runtime.InteropServices;
using VideoRecognition.Progress;

namespace VideoRecognition.Video;

/// <summary>
/// OpenCV and its bundled FFmpeg print their own lines to stderr ("[ WARN:0@0.129] global cap.cpp:215 open
/// VIDEOIO(FFMPEG) ...", "[vp9 @ 0x...] Not all references are available"), which a user takes for vrec's
/// errors. Both libraries read their level from the environment when they first log or open a capture, so
/// this sets it from vrec's log level before any video is touched: their lines show only with
/// `--log-level debug`. A level the user set in the environment wins. The variables must reach the native
/// environment, so they are set with setenv (Environment.SetEnvironmentVariable does not change what
/// native getenv sees).
/// </summary>
public static class NativeVideoLog
{
    public const string OpenCvVariable = "OPENCV_LOG_LEVEL";

    public const string FfmpegVariable = "OPENCV_FFMPEG_LOGLEVEL";

    /// <summary>Sets both libraries' levels for vrec's <paramref name="level"/>; call before the first video is opened.</summary>
    public static void Follow(LogLevel level)
    {
        bool debug = level == LogLevel.Debug;
        Set(OpenCvVariable, debug ? "INFO" : "SILENT");
        // FFmpeg's av_log levels: -8 quiet, 32 info.
        Set(FfmpegVariable, debug ? "32" : "-8");
    }

    private static void Set(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is { Length: > 0 })
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Environment.SetEnvironmentVariable(name, value);
            return;
        }

        _ = setenv(name, value, 0);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setenv(string name, string value, int overwrite);
}
