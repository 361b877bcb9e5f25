using System.Text.Json.Serialization;

namespace VideoRecognition.Video;

/// <summary>
/// What a video file really holds, found by decoding it once: the frame count that decodes (containers
/// often lie), a sane frame rate, and whether seeking lands on the right frame. Plain data, serialisable
/// with System.Text.Json so a probe can be cached next to a feature store (FileBytes and LastWriteUtc
/// tell a cache when the file changed).
/// </summary>
public sealed record VideoProbe
{
    public required string Path { get; init; }

    public long FileBytes { get; init; }

    public DateTime LastWriteUtc { get; init; }

    /// <summary>Whether the decoder accepted the file at all.</summary>
    public bool Opens { get; init; }

    /// <summary>Frames that decode in a sequential pass: the only count the sampler and reader trust.</summary>
    public int DecodedFrames { get; init; }

    /// <summary>What the container claims (CAP_PROP_FRAME_COUNT); may be garbage, kept for reports.</summary>
    public long ContainerFrames { get; init; }

    /// <summary>What the container claims (CAP_PROP_FPS), unchecked.</summary>
    public double ContainerFps { get; init; }

    /// <summary>Frames per second used to map frame indices to seconds (the container's when it agrees with the decoded timeline).</summary>
    public double Fps { get; init; }

    public double DurationSeconds { get; init; }

    /// <summary>
    /// Each frame's own time in seconds from the first frame, for a variable-frame-rate file (where frame
    /// i / <see cref="Fps"/> would be off by more than half a frame); null when the rate is constant, as the
    /// timestamps then add nothing. Segment bounds and frame lookups by time use these where present.
    /// </summary>
    public IReadOnlyList<double>? FrameSeconds { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>Codec four-character code, for example "h264", "FMP4", "cvid".</summary>
    public string FourCC { get; init; } = string.Empty;

    public SeekCheck Seek { get; init; } = SeekCheck.NotTried;

    /// <summary>
    /// Measured cost of one seek in frames of sequential decoding: a reader seeks only when the next
    /// wanted frame is further ahead than this (a stand-in for the GOP length, which OpenCV does not expose).
    /// </summary>
    public int SeekBreakEvenFrames { get; init; }

    public IReadOnlyList<VideoProblem> Problems { get; init; } = [];

    /// <summary>Whether frames can be read at all.</summary>
    [JsonIgnore]
    public bool IsReadable => Opens && DecodedFrames > 0;
}
