using VideoRecognition.Video;

namespace VideoRecognition.Datasets;

/// <summary>Whether an annotated video can be used, as `vrec index` found it.</summary>
public enum VideoStatus
{
    /// <summary>Found, decodes, and agrees with its annotation.</summary>
    Ok,

    /// <summary>Usable, but something disagrees (container frame count, duration, inexact seeks): see Issues.</summary>
    Suspicious,

    /// <summary>The file is there but does not decode (truncated, not a video, no frames).</summary>
    Unreadable,

    /// <summary>No file for this id in the video folder.</summary>
    Missing,
}

/// <summary>One annotated video and the file that holds it.</summary>
public sealed record VideoIndexEntry(string Id, double AnnotatedDuration, string? File, VideoStatus Status, IReadOnlyList<string> Issues, VideoProbe? Probe)
{
    public bool IsUsable => Status is VideoStatus.Ok or VideoStatus.Suspicious;
}
