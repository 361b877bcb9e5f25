namespace VideoRecognition.Video;

/// <summary>
/// What says a video file changed: its size and modification time, read through symbolic links. The caches of
/// probes and features are keyed on it; a link's own size and time stay the same when the video it points at is
/// replaced (recognise's held-out support folders are links), so they would serve the old file's results.
/// </summary>
public readonly record struct VideoFileStamp(bool Exists, long Bytes, DateTime LastWriteUtc)
{
    public static VideoFileStamp Of(string path)
    {
        FileSystemInfo info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        return info is FileInfo { Exists: true } file ? new(true, file.Length, file.LastWriteTimeUtc) : new(false, 0, default);
    }
}
