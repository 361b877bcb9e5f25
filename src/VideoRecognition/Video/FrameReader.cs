using OpenCvSharp;

namespace VideoRecognition.Video;

/// <summary>
/// Reads the frames at given indices of one probed video. Wanted frames are visited in ascending order in
/// one forward pass: far jumps seek when the probe verified seeking exact, short gaps (and every gap in
/// videos whose seeks are wrong) are decoded with grab() and only wanted frames are retrieved. Going back
/// reopens the capture instead of seeking backwards, because some streams (MPEG-2) rewind to a wrong frame.
/// Not thread-safe: one reader per video per thread.
/// </summary>
public sealed class FrameReader : IDisposable
{
    private VideoCapture capture;
    private int next; // the frame the next grab() decodes
    private bool seekTrusted;

    private FrameReader(VideoProbe probe, VideoCapture capture)
    {
        Probe = probe;
        this.capture = capture;
        seekTrusted = probe.Seek.Exact;
    }

    public VideoProbe Probe { get; }

    /// <summary>Frames decoded so far (grabbed, whether retrieved or skipped): the reader's cost.</summary>
    public long FramesGrabbed { get; private set; }

    public int Seeks { get; private set; }

    public int Reopens { get; private set; }

    /// <summary>Opens a probed video; throws <see cref="VideoReadException"/> when the probe says it has no readable frames.</summary>
    public static FrameReader Open(VideoProbe probe)
    {
        if (!probe.IsReadable)
        {
            string why = probe.Problems.Count > 0 ? string.Join("; ", probe.Problems.Select(p => p.Detail)) : "no frames decode";
            throw new VideoReadException(probe.Path, why);
        }

        var capture = FfmpegCapture.TryOpen(probe.Path)
            ?? throw new VideoReadException(probe.Path, "the file no longer opens");
        return new FrameReader(probe, capture);
    }

    /// <summary>Probes and opens; prefer <see cref="Open(VideoProbe)"/> with a cached probe.</summary>
    public static FrameReader Open(string path) => Open(VideoProber.Probe(path));

    /// <summary>
    /// BGR 8UC3 frames in the order asked (indices may be unsorted and repeat; a repeat is a separate copy).
    /// The caller disposes every returned Mat.
    /// </summary>
    public Mat[] Read(IReadOnlyList<int> frameIndices)
    {
        foreach (int index in frameIndices)
        {
            if (index < 0 || index >= Probe.DecodedFrames)
            {
                throw new ArgumentOutOfRangeException(nameof(frameIndices),
                    $"frame {index} is outside 0..{Probe.DecodedFrames - 1} of '{Probe.Path}'");
            }
        }

        int[] wanted = frameIndices.Distinct().Order().ToArray();
        var frames = new Dictionary<int, Mat>(wanted.Length);
        try
        {
            foreach (int index in wanted)
            {
                frames[index] = ReadFrame(index);
            }

            var result = new Mat[frameIndices.Count];
            var handedOut = new HashSet<int>();
            for (int i = 0; i < result.Length; i++)
            {
                int index = frameIndices[i];
                result[i] = handedOut.Add(index) ? frames[index] : frames[index].Clone();
            }

            return result;
        }
        catch
        {
            foreach (var frame in frames.Values)
            {
                frame.Dispose();
            }

            throw;
        }
    }

    /// <summary>Frames shown at these times (seconds from the start), on the probe's timeline (its frames' own timestamps in a variable-frame-rate file).</summary>
    public Mat[] ReadAt(IReadOnlyList<double> seconds) => Read(seconds.Select(FrameIndexAt).ToArray());

    /// <summary>The frame shown at a time (seconds), clamped to the decoded frames.</summary>
    public int FrameIndexAt(double seconds) => FrameTime.IndexAt(seconds, Probe);

    public void Dispose() => capture.Dispose();

    private Mat ReadFrame(int target)
    {
        bool sought = false;
        if (target < next)
        {
            if (seekTrusted)
            {
                sought = Seek(target);
            }
            else
            {
                Reopen();
            }
        }
        else if (seekTrusted && target - next > Probe.SeekBreakEvenFrames)
        {
            sought = Seek(target);
        }

        while (next < target)
        {
            GrabOrThrow();
        }

        if (!TryGrab())
        {
            if (!sought)
            {
                throw Stopped();
            }

            // The probe's check passed but this seek did not: stop trusting seeks for this video.
            seekTrusted = false;
            Reopen();
            return ReadFrame(target);
        }

        var frame = new Mat();
        if (!capture.Retrieve(frame) || frame.Empty())
        {
            frame.Dispose();
            throw new VideoReadException(Probe.Path, $"frame {target} decoded but could not be converted to BGR");
        }

        return frame;
    }

    /// <summary>Seeks, or reopens and stops trusting seeks when the backend refuses; true when it sought.</summary>
    private bool Seek(int target)
    {
        Seeks++;
        if (!capture.Set(VideoCaptureProperties.PosFrames, target))
        {
            seekTrusted = false;
            Reopen();
            return false;
        }

        next = target;
        return true;
    }

    private void Reopen()
    {
        Reopens++;
        capture.Dispose();
        capture = FfmpegCapture.TryOpen(Probe.Path) ?? throw new VideoReadException(Probe.Path, "the file no longer opens");
        next = 0;
    }

    private void GrabOrThrow()
    {
        if (!TryGrab())
        {
            throw Stopped();
        }
    }

    private bool TryGrab()
    {
        if (!capture.Grab())
        {
            return false;
        }

        FramesGrabbed++;
        next++;
        return true;
    }

    private VideoReadException Stopped() =>
        new(Probe.Path, $"decoding stopped at frame {next}; the probe found {Probe.DecodedFrames} frames (was the file changed?)");
}
