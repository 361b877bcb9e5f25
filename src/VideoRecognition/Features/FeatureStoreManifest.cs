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
}
