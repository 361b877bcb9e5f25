using System.Diagnostics;

namespace VideoRecognition.Features;

/// <summary>The stages of one extraction run whose time is counted.</summary>
public enum ExtractionStage
{
    /// <summary>Opening the video and decoding the wanted frames (decode workers).</summary>
    Decode,

    /// <summary>Resize, crop, augmentation and normalisation into the frame batch (decode workers).</summary>
    Transform,

    /// <summary>Waiting for room in the queue to the backbone (decode side: the backbone is behind).</summary>
    WaitForQueue,

    /// <summary>Waiting for the next decoded video (backbone side: decoding is behind).</summary>
    WaitForDecode,

    /// <summary>Frame batches of one or more videos into one input tensor.</summary>
    Assemble,

    /// <summary>The backbone's forward pass, pooling and the copy back to managed memory.</summary>
    Forward,

    /// <summary>Appending features to the store, and its periodic flushes.</summary>
    Write,
}

/// <summary>
/// Time and count per <see cref="ExtractionStage"/>, summed over every thread that did that stage's work
/// (so decode with two workers can add up to twice the wall time). Thread-safe; cheap enough to stay on.
/// </summary>
public sealed class ExtractionProfile
{
    private static readonly ExtractionStage[] Stages = Enum.GetValues<ExtractionStage>();
    private readonly long[] ticks = new long[Stages.Length];
    private readonly long[] counts = new long[Stages.Length];

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>) to a stage.</summary>
    public void AddSince(ExtractionStage stage, long startTimestamp) =>
        Add(stage, Stopwatch.GetTimestamp() - startTimestamp);

    public void Add(ExtractionStage stage, long stopwatchTicks)
    {
        Interlocked.Add(ref ticks[(int)stage], stopwatchTicks);
        Interlocked.Increment(ref counts[(int)stage]);
    }

    public TimeSpan Time(ExtractionStage stage) => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref ticks[(int)stage]));

    public long Count(ExtractionStage stage) => Interlocked.Read(ref counts[(int)stage]);

    /// <summary>Every stage, in pipeline order, with its summed time and number of calls.</summary>
    public IReadOnlyList<StageTime> Snapshot() =>
        Stages.Select(s => new StageTime(s, Time(s), Count(s))).ToList();
}

/// <summary>One stage's summed time over a run, and how many times it ran.</summary>
public sealed record StageTime(ExtractionStage Stage, TimeSpan Time, long Count)
{
    /// <summary>Milliseconds per video when the run handled <paramref name="videos"/> videos.</summary>
    public double MillisecondsPerVideo(int videos) => Time.TotalMilliseconds / Math.Max(videos, 1);
}
