using System.Diagnostics;
using OpenCvSharp;

namespace VideoRecognition.Video;

/// <summary>
/// Probes a video by decoding it once (grab only, retrieving a few frames around check points), then
/// checks seeking against those frames. Never throws for a bad file: the probe says what is wrong.
/// </summary>
public static class VideoProber
{
    // Frames kept around each seek check point, so an off-by-N seek can be named, not just detected.
    private const int Window = 3;

    // A container count or rate further off than this from the decoded timeline is reported.
    private const double FpsTolerance = 0.15;

    /// <summary>Probes <paramref name="path"/>; a video whose frames exceed <paramref name="maxFramePixels"/> is refused unread.</summary>
    public static VideoProbe Probe(string path, long maxFramePixels = VideoConfig.DefaultMaxFramePixels, CancellationToken cancellation = default)
    {
        VideoFileStamp stamp = VideoFileStamp.Of(path);
        var probe = new VideoProbe
        {
            Path = System.IO.Path.GetFullPath(path),
            FileBytes = stamp.Bytes,
            LastWriteUtc = stamp.LastWriteUtc,
        };
        if (!stamp.Exists)
        {
            return probe with { Problems = [new(VideoProblemKind.CannotOpen, "file does not exist")] };
        }

        if (stamp.Bytes == 0)
        {
            return probe with { Problems = [new(VideoProblemKind.CannotOpen, "file is empty (0 bytes)")] };
        }

        using VideoCapture? capture = FfmpegCapture.TryOpen(probe.Path);
        if (capture is null)
        {
            return probe with { Problems = [new(VideoProblemKind.CannotOpen, "the FFmpeg decoder does not accept the file (not a video, or damaged)")] };
        }

        if (TooLarge(probe.Path, capture.FrameWidth, capture.FrameHeight, maxFramePixels) is { } tooLarge)
        {
            return probe with { Opens = true, Width = capture.FrameWidth, Height = capture.FrameHeight, Problems = [tooLarge] };
        }

        try
        {
            return ProbeOpened(capture, probe.Path, probe with { Opens = true }, cancellation);
        }
        catch (OpenCVException e)
        {
            return probe with { Opens = true, Problems = [new(VideoProblemKind.DecodeFailed, e.Message)] };
        }
    }

    /// <summary>The problem of frames larger than <paramref name="maxFramePixels"/>, or null when they fit.</summary>
    public static VideoProblem? TooLarge(string path, int width, int height, long maxFramePixels) =>
        (long)width * height > maxFramePixels
            ? new(VideoProblemKind.FrameTooLarge, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{path} has {width}x{height} frames ({(long)width * height} pixels), more than video.max_frame_pixels ({maxFramePixels}); not decoded"))
            : null;

    private static VideoProbe ProbeOpened(VideoCapture capture, string path, VideoProbe probe, CancellationToken cancellation)
    {
        var problems = new List<VideoProblem>();
        double containerCount = capture.Get(VideoCaptureProperties.FrameCount);
        long containerFrames = double.IsFinite(containerCount) ? (long)containerCount : -1;
        double containerFps = capture.Get(VideoCaptureProperties.Fps);
        string fourCC = FourCCText((int)capture.Get(VideoCaptureProperties.FourCC));

        var pass = SequentialPass.Run(capture, Window, cancellation);
        int frames = pass.Frames;
        int width = pass.Width > 0 ? pass.Width : capture.FrameWidth;
        int height = pass.Height > 0 ? pass.Height : capture.FrameHeight;
        if (frames == 0)
        {
            problems.Add(new(VideoProblemKind.ZeroFrames, "the file opens but no frame decodes"));
        }

        if (containerFrames != frames && frames > 0)
        {
            problems.Add(new(VideoProblemKind.ContainerCountDisagrees,
                $"container says {containerCount:G6} frames, {frames} decode"));
        }

        var (fps, duration, fpsProblem) = Timeline(frames, containerFps, pass.FirstMsec, pass.LastMsec);
        if (fpsProblem is not null)
        {
            problems.Add(new(VideoProblemKind.FpsImplausible, fpsProblem));
        }

        var seek = SeekCheck.NotTried;
        int breakEven = 0;
        if (frames > 0)
        {
            (seek, double seekSeconds) = CheckSeeks(path, pass);
            if (!seek.Exact)
            {
                problems.Add(new(VideoProblemKind.SeekNotExact, seek.Detail));
            }
            else
            {
                double grabSeconds = pass.Elapsed.TotalSeconds / frames;
                breakEven = (int)Math.Clamp(Math.Ceiling(seekSeconds / Math.Max(grabSeconds, 1e-6)), 4, 1000);
            }
        }

        return probe with
        {
            FrameSeconds = FrameTime.VariableTimeline(pass.FrameMsec, fps),
            DecodedFrames = frames,
            ContainerFrames = containerFrames,
            ContainerFps = double.IsFinite(containerFps) ? containerFps : 0,
            Fps = fps,
            DurationSeconds = duration,
            Width = width,
            Height = height,
            FourCC = fourCC,
            Seek = seek,
            SeekBreakEvenFrames = breakEven,
            Problems = problems,
        };
    }

    /// <summary>
    /// Frame rate and duration. Timestamps of the decoded frames describe the real timeline (variable
    /// frame rate, dropped frames); the container's rate is kept when it agrees with them.
    /// </summary>
    internal static (double Fps, double Duration, string? Problem) Timeline(int frames, double containerFps, double firstMsec, double lastMsec)
    {
        bool containerSane = double.IsFinite(containerFps) && containerFps is >= 0.1 and <= 1000;
        bool timestampsUsable = frames >= 2 && double.IsFinite(firstMsec) && double.IsFinite(lastMsec) && lastMsec > firstMsec;
        if (frames == 0)
        {
            return (containerSane ? containerFps : 0, 0, null);
        }

        // n frames span n-1 intervals between first and last timestamp, plus the last frame's own interval.
        double measuredDuration = timestampsUsable ? (lastMsec - firstMsec) / 1000.0 * frames / (frames - 1) : double.NaN;
        if (containerSane && (!timestampsUsable || Math.Abs(frames / containerFps - measuredDuration) <= FpsTolerance * measuredDuration))
        {
            return (containerFps, frames / containerFps, null);
        }

        if (timestampsUsable)
        {
            double derived = frames / measuredDuration;
            return (derived, measuredDuration,
                $"container says {containerFps:G6} fps but {frames} frames span {measuredDuration:F2} s; using {derived:G4} fps");
        }

        // Neither source is usable: a common rate keeps seconds meaningful-ish and the problem says so.
        const double Fallback = 25.0;
        return (Fallback, frames / Fallback, $"container says {containerFps:G6} fps and timestamps are unusable; assuming {Fallback} fps");
    }

    private static (SeekCheck Check, double SecondsPerSeek) CheckSeeks(string path, SequentialPass pass)
    {
        int[] targets = SeekTargets(pass.Frames);
        var offsets = new List<int?>();
        var problems = new List<string>();
        using VideoCapture? capture = FfmpegCapture.TryOpen(path);
        if (capture is null)
        {
            return (new SeekCheck(false, targets, [], "the file did not reopen"), 0);
        }

        // Start from the end, as after a sequential pass: the checks then include seeking backwards.
        capture.Set(VideoCaptureProperties.PosFrames, pass.Frames - 1);
        using var frame = new Mat();
        capture.Read(frame);
        var watch = Stopwatch.StartNew();
        foreach (int target in targets)
        {
            int? offset = null;
            try
            {
                if (capture.Set(VideoCaptureProperties.PosFrames, target) && capture.Read(frame) && !frame.Empty())
                {
                    offset = pass.OffsetOf(FrameFingerprint.Of(frame), target);
                    if (offset is null)
                    {
                        problems.Add($"seek to {target} gave a frame not within ±{Window} of it");
                    }
                    else if (offset != 0)
                    {
                        problems.Add($"seek to {target} gave frame {target + offset}");
                    }
                }
                else
                {
                    problems.Add($"read after seek to {target} failed");
                }
            }
            catch (OpenCVException e)
            {
                problems.Add($"seek to {target} threw: {e.Message}");
            }

            offsets.Add(offset);
        }

        double perSeek = watch.Elapsed.TotalSeconds / Math.Max(1, targets.Length);
        bool exact = problems.Count == 0;
        return (new SeekCheck(exact, targets, offsets, exact ? "exact" : string.Join("; ", problems)), perSeek);
    }

    /// <summary>
    /// Far first, then back to near the start and to the very first frame (where MPEG-2 streams go wrong),
    /// then the middle: the pattern a segment sampler's reader produces.
    /// </summary>
    internal static int[] SeekTargets(int frames)
    {
        var points = SequentialPass.CheckPoints(frames, Window);
        var ordered = new List<int>();
        if (points.Count > 0)
        {
            ordered.Add(points[^1]);
        }

        ordered.AddRange(points.Where(p => p is > 0 and <= 8));
        ordered.Add(0);
        if (points.Count > 2)
        {
            ordered.Add(points[^2]);
        }

        return ordered.Distinct().ToArray();
    }

    private static string FourCCText(int code)
    {
        if (code == 0)
        {
            return string.Empty;
        }

        Span<char> text = stackalloc char[4];
        for (int i = 0; i < 4; i++)
        {
            char c = (char)((code >> (8 * i)) & 0xFF);
            text[i] = char.IsControl(c) ? '?' : c;
        }

        return new string(text).TrimEnd('\0', ' ');
    }
}
