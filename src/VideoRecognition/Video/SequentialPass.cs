using System.Diagnostics;
using OpenCvSharp;

namespace VideoRecognition.Video;

/// <summary>
/// One decode of a whole video with grab(): counts the frames that really decode, records the timeline
/// and fingerprints the few frames around the seek check points (0, 4, 8, 16, 32, ...), which are fixed
/// in advance because the true frame count is only known at the end.
/// </summary>
internal sealed class SequentialPass
{
    private readonly Dictionary<int, FrameFingerprint> fingerprints = [];
    private int window;

    public int Frames { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public double FirstMsec { get; private set; } = double.PositiveInfinity;

    public double LastMsec { get; private set; } = double.NegativeInfinity;

    /// <summary>Each decoded frame's own timestamp in milliseconds (NaN where the backend gave none).</summary>
    public List<double> FrameMsec { get; } = [];

    public TimeSpan Elapsed { get; private set; }

    public static SequentialPass Run(VideoCapture capture, int window, CancellationToken cancellation)
    {
        var pass = new SequentialPass { window = window };
        var watch = Stopwatch.StartNew();
        using var frame = new Mat();
        while (capture.Grab())
        {
            cancellation.ThrowIfCancellationRequested();
            int index = pass.Frames++;
            double msec = capture.Get(VideoCaptureProperties.PosMsec);
            pass.FrameMsec.Add(double.IsFinite(msec) ? msec : double.NaN);
            if (double.IsFinite(msec))
            {
                pass.FirstMsec = Math.Min(pass.FirstMsec, msec);
                pass.LastMsec = Math.Max(pass.LastMsec, msec);
            }

            if (NearCheckPoint(index, window) && capture.Retrieve(frame) && !frame.Empty())
            {
                pass.fingerprints[index] = FrameFingerprint.Of(frame);
                if (index == 0)
                {
                    (pass.Width, pass.Height) = (frame.Width, frame.Height);
                }
            }
        }

        pass.Elapsed = watch.Elapsed;
        return pass;
    }

    /// <summary>Check points whose whole window of neighbours decodes in a video of this many frames.</summary>
    public static List<int> CheckPoints(int frames, int window)
    {
        var points = new List<int>();
        if (frames > 0)
        {
            points.Add(0);
        }

        for (long p = 4; p < frames; p *= 2)
        {
            if (p + window < frames)
            {
                points.Add((int)p);
            }
        }

        return points;
    }

    /// <summary>Which frame near <paramref name="target"/> has this fingerprint, as an offset; null when none does.</summary>
    public int? OffsetOf(FrameFingerprint fingerprint, int target)
    {
        if (fingerprints.TryGetValue(target, out var exact) && exact == fingerprint)
        {
            return 0;
        }

        for (int distance = 1; distance <= window; distance++)
        {
            foreach (int index in (int[])[target - distance, target + distance])
            {
                if (fingerprints.TryGetValue(index, out var near) && near == fingerprint)
                {
                    return index - target;
                }
            }
        }

        return null;
    }

    private static bool NearCheckPoint(int index, int window)
    {
        if (index <= window)
        {
            return true;
        }

        for (long p = 4; p <= (long)index + window; p *= 2)
        {
            if (Math.Abs(index - p) <= window)
            {
                return true;
            }
        }

        return false;
    }
}
