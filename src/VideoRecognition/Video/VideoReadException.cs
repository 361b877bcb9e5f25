using VideoRecognition.Runtime;

namespace VideoRecognition.Video;

/// <summary>A video's frames cannot be read (missing, not a video, no frames, decoding stopped early). The message names the file.</summary>
public sealed class VideoReadException(string path, string problem, Exception? inner = null)
    : BadInputException($"cannot read frames of '{path}': {problem}", inner)
{
    public string VideoPath { get; } = path;
}
