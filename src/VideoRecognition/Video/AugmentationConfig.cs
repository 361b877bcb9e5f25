using System.ComponentModel.DataAnnotations;
using VideoRecognition.Configuration;

namespace VideoRecognition.Video;

/// <summary>
/// The SimCLR-style training view (config section `video.augmentation`): random resized crop, flip,
/// colour jitter, random grayscale and Gaussian blur. Each view of a segment draws its own parameters.
/// </summary>
public sealed record AugmentationConfig : IConfigSection
{
    /// <summary>Smallest share of the frame area a random resized crop may keep.</summary>
    [Range(0.01, 1.0)]
    public double CropScaleMin { get; init; } = 0.3;

    [Range(0.01, 1.0)]
    public double CropScaleMax { get; init; } = 1.0;

    /// <summary>Aspect ratio range (width / height) of the crop before it is resized to a square.</summary>
    [Range(0.1, 10.0)]
    public double CropRatioMin { get; init; } = 3.0 / 4.0;

    [Range(0.1, 10.0)]
    public double CropRatioMax { get; init; } = 4.0 / 3.0;

    [Range(0.0, 1.0)]
    public double FlipProbability { get; init; } = 0.5;

    /// <summary>Probability that colour jitter is applied at all (SimCLR uses 0.8).</summary>
    [Range(0.0, 1.0)]
    public double JitterProbability { get; init; } = 0.8;

    [Range(0.0, 1.0)]
    public double Brightness { get; init; } = 0.4;

    [Range(0.0, 1.0)]
    public double Contrast { get; init; } = 0.4;

    [Range(0.0, 1.0)]
    public double Saturation { get; init; } = 0.4;

    /// <summary>Largest hue shift as a share of the hue circle (torchvision allows up to 0.5).</summary>
    [Range(0.0, 0.5)]
    public double Hue { get; init; } = 0.1;

    [Range(0.0, 1.0)]
    public double GrayscaleProbability { get; init; } = 0.2;

    [Range(0.0, 1.0)]
    public double BlurProbability { get; init; } = 0.5;

    [Range(0.01, 50.0)]
    public double BlurSigmaMin { get; init; } = 0.1;

    [Range(0.01, 50.0)]
    public double BlurSigmaMax { get; init; } = 2.0;

    public IEnumerable<(string Key, string Problem)> Check()
    {
        if (CropScaleMin > CropScaleMax)
        {
            yield return ("crop_scale_min", $"must not exceed crop_scale_max ({CropScaleMax}); got {CropScaleMin}");
        }

        if (CropRatioMin > CropRatioMax)
        {
            yield return ("crop_ratio_min", $"must not exceed crop_ratio_max ({CropRatioMax}); got {CropRatioMin}");
        }

        if (BlurSigmaMin > BlurSigmaMax)
        {
            yield return ("blur_sigma_min", $"must not exceed blur_sigma_max ({BlurSigmaMax}); got {BlurSigmaMin}");
        }
    }
}
