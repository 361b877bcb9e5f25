namespace VideoRecognition.Video;

/// <summary>
/// TSN sampling: T equal segments over the frames that really decode. Training takes a random frame (or
/// clip of L frames) inside each segment, testing each segment's centre. Videos shorter than T frames get
/// segments that share frames, so frames repeat (as in mmaction2) and every video yields T segments.
/// </summary>
public sealed class SegmentSampler
{
    public SegmentSampler(int segments, int clipLength = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(clipLength, 1);
        Segments = segments;
        ClipLength = clipLength;
    }

    public SegmentSampler(VideoConfig config)
        : this(config.Segments, config.ClipLength)
    {
    }

    public int Segments { get; }

    public int ClipLength { get; }

    /// <summary>Each segment's centre frame, with segment times from the frames' own timestamps in a variable-frame-rate file.</summary>
    public IReadOnlyList<SampledSegment> TestFrames(VideoProbe probe) =>
        Sample(probe.DecodedFrames, f => FrameTime.SecondsOf(f, probe), (start, end, centre) => ClipAround(centre, probe.DecodedFrames));

    /// <summary>Each segment's centre frame (or the clip centred on it).</summary>
    public IReadOnlyList<SampledSegment> TestFrames(int frames, double fps) =>
        Sample(frames, f => FrameTime.SecondsOf(f, fps), (start, end, centre) => ClipAround(centre, frames));

    public IReadOnlyList<SampledSegment> TrainingFrames(VideoProbe probe, Random random) =>
        Sample(probe.DecodedFrames, f => FrameTime.SecondsOf(f, probe), TrainingPick(probe.DecodedFrames, random));

    /// <summary>A uniformly random frame (or clip start) inside each segment; the clip may run past a segment shorter than L.</summary>
    public IReadOnlyList<SampledSegment> TrainingFrames(int frames, double fps, Random random) =>
        Sample(frames, f => FrameTime.SecondsOf(f, fps), TrainingPick(frames, random));

    private Func<int, int, int, int[]> TrainingPick(int frames, Random random) =>
        (start, end, centre) => Clip(start + random.Next(Math.Max(1, end - start - ClipLength + 1)), frames);

    /// <summary>Windows of a fixed length in seconds, each sampled at its centre: for inspection and localisation.</summary>
    public IReadOnlyList<SampledSegment> DenseFrames(int frames, double fps, double strideSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideSeconds);
        return DenseWindows(frames, fps, Math.Max(strideSeconds * fps, 1e-9));
    }

    /// <summary>Windows of a fixed number of frames, each sampled at its centre.</summary>
    public IReadOnlyList<SampledSegment> DenseFrames(int frames, double fps, int strideFrames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(strideFrames, 1);
        return DenseWindows(frames, fps, strideFrames);
    }

    private List<SampledSegment> Sample(int frames, Func<double, double> secondsOf, Func<int, int, int, int[]> pick)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        var segments = new List<SampledSegment>(Segments);
        for (int k = 0; k < Segments; k++)
        {
            // Bounds are real numbers so segments tile the timeline exactly; frames are whole.
            double from = (double)k * frames / Segments;
            double to = (double)(k + 1) * frames / Segments;
            int start = (int)Math.Floor(from);
            int end = Math.Max(start + 1, (int)Math.Floor(to));
            int centre = Math.Min(frames - 1, (int)Math.Floor((from + to) / 2));
            segments.Add(new SampledSegment(k, start, end, secondsOf(from), secondsOf(to), pick(start, end, centre)));
        }

        return segments;
    }

    private List<SampledSegment> DenseWindows(int frames, double fps, double stride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        var segments = new List<SampledSegment>();
        for (int k = 0; k * stride < frames; k++)
        {
            double from = k * stride;
            double to = Math.Min(frames, (k + 1) * stride);
            int start = (int)Math.Floor(from);
            int end = Math.Max(start + 1, (int)Math.Ceiling(to));
            int centre = Math.Min(frames - 1, (int)Math.Floor((from + to) / 2));
            segments.Add(new SampledSegment(k, start, end, FrameTime.SecondsOf(from, fps), FrameTime.SecondsOf(to, fps), ClipAround(centre, frames)));
        }

        return segments;
    }

    private int[] ClipAround(int centre, int frames) => Clip(centre - (ClipLength - 1) / 2, frames);

    // A clip that would run off the end starts earlier; in a video shorter than the clip the last frame repeats.
    private int[] Clip(int first, int frames)
    {
        first = Math.Clamp(first, 0, Math.Max(0, frames - ClipLength));
        var clip = new int[ClipLength];
        for (int i = 0; i < ClipLength; i++)
        {
            clip[i] = Math.Min(first + i, frames - 1);
        }

        return clip;
    }
}
