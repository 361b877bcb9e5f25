using System.Text.Json.Serialization;

namespace VideoRecognition.Video;

/// <summary>One thing wrong with a video file, found while probing it.</summary>
public sealed record VideoProblem(VideoProblemKind Kind, string Detail);

[JsonConverter(typeof(JsonStringEnumConverter<VideoProblemKind>))]
public enum VideoProblemKind
{
    /// <summary>Missing, empty, or not something the decoder accepts.</summary>
    CannotOpen,

    /// <summary>Opens but no frame decodes.</summary>
    ZeroFrames,

    /// <summary>CAP_PROP_FRAME_COUNT differs from the frames that decode.</summary>
    ContainerCountDisagrees,

    /// <summary>The container's frame rate is absurd or contradicts the decoded timeline; a derived rate is used.</summary>
    FpsImplausible,

    /// <summary>Seeking by frame index lands on a wrong frame or fails; frames are read sequentially.</summary>
    SeekNotExact,

    /// <summary>Decoding stopped with an error or the capture threw part way through.</summary>
    DecodeFailed,

    /// <summary>The frames are larger than video.max_frame_pixels: the file is refused before it is decoded.</summary>
    FrameTooLarge,
}
