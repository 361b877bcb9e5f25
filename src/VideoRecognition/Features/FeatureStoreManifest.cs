using VideoRecognition.Backbones;
using VideoRecognition.Video;

namespace VideoRecognition.Features;

/// <summary>
/// What a store holds and how it was made. A resumed or merged store must match it exactly, so features
/// from two different backbones or samplings never end up in one file. Holds nothing that differs between
/// a one-shot extraction and a sharded one, so both produce the same bytes.
/// </summary>
public sealed record FeatureStoreManifest(
    int FormatVersion,
    string Backbone,
    int FeatureDimension,
    int Segments,
    int Views,
    int InputSize,
    int Seed,
    string Sampling)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>View 0 is the test-time view (segment centre, centre crop); views 1.. are augmented training views.</summary>
    public const int TestView = 0;

    /// <summary>Floats of one video: views x segments x dimension.</summary>
    public int FloatsPerVideo => Views * Segments * FeatureDimension;

    public long BytesPerVideo => FloatsPerVideo * (long)sizeof(ushort);

    /// <summary>The manifest of a store this backbone fills with views sampled as <paramref name="video"/> says.</summary>
    public static FeatureStoreManifest Of(IBackbone backbone, VideoConfig video, int trainViews, int seed) =>
        new(
            FeatureStoreManifest.CurrentFormatVersion,
            backbone.Name,
            backbone.FeatureDimension,
            video.Segments,
            1 + trainViews,
            video.InputSize,
            seed,
            // Any change to sampling or augmentation changes the stored views, so it must change the manifest too.
            $"tsn segments={video.Segments} clip={video.ClipLength} video-config={Digest(video.ToString())}");

    private static string Digest(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];
}
