using System.ComponentModel.DataAnnotations;
using VideoRecognition.Configuration;

namespace VideoRecognition.Video;

/// <summary>
/// How frames are taken from a video and turned into network input (config section `video`).
/// Defaults suit the 112-pixel synthetic demo; ActivityNet configs use input_size 224 and resize_shorter 256.
/// </summary>
public sealed record VideoConfig : IConfigSection
{
    /// <summary>T: equal segments per video (TSN).</summary>
    [Range(1, 256)]
    public int Segments { get; init; } = 8;

    /// <summary>L: consecutive frames taken per segment (1 = one frame per segment, as in TSN).</summary>
    [Range(1, 64)]
    public int ClipLength { get; init; } = 1;

    /// <summary>Side of the square network input in pixels.</summary>
    [Range(16, 1024)]
    public int InputSize { get; init; } = 112;

    /// <summary>Shorter side after the test-time resize, before the centre crop.</summary>
    [Range(16, 2048)]
    public int ResizeShorter { get; init; } = 128;

    /// <summary>Stride of dense sampling (inspection, localisation) in seconds.</summary>
    [Range(0.01, 3600.0)]
    public double DenseStrideSeconds { get; init; } = 1.0;

    /// <summary>
    /// Largest frame (width x height) a video may have; a larger one is refused by `vrec index`, naming the
    /// file, before it is decoded (one 16000x16000 frame alone takes 768 MB). The default admits 8K (7680x4320).
    /// </summary>
    [Range(1L, 1_000_000_000L)]
    public long MaxFramePixels { get; init; } = DefaultMaxFramePixels;

    public const long DefaultMaxFramePixels = 7680L * 4320;

    /// <summary>The config binder checks this nested section's own cross-key rules.</summary>
    [Required]
    public AugmentationConfig Augmentation { get; init; } = new();

    public IEnumerable<(string Key, string Problem)> Check()
    {
        if (ResizeShorter < InputSize)
        {
            yield return ("resize_shorter",
                $"must be at least input_size ({InputSize}) so the centre crop fits; got {ResizeShorter}");
        }
    }
}
