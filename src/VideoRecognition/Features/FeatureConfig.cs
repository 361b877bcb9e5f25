using System.ComponentModel.DataAnnotations;

namespace VideoRecognition.Features;

/// <summary>The segment-feature store (`vrec extract`, config section `features`).</summary>
public sealed record FeatureConfig
{
    /// <summary>Folder of the store: manifest.json, index.jsonl, features.f16 (and shards/ while sharded).</summary>
    [Required]
    public string Output { get; init; } = "data/features";

    /// <summary>
    /// Augmented training views stored per segment besides the test-time view. The contrastive loss needs
    /// two views of the same segment, so the method needs at least 2.
    /// </summary>
    [Range(0, 16)]
    public int TrainViews { get; init; } = 2;

    /// <summary>Videos decoded ahead of the backbone: bounds the memory of the decode/inference overlap.</summary>
    [Range(1, 64)]
    public int QueueCapacity { get; init; } = 4;

    /// <summary>Decoding threads feeding the backbone.</summary>
    [Range(1, 32)]
    public int DecodeWorkers { get; init; } = 1;

    /// <summary>
    /// Videos whose images go through the backbone together: bigger forward passes use the cores better.
    /// Each image's features do not depend on which other images share its pass (checked by the tests).
    /// </summary>
    [Range(1, 64)]
    public int VideosPerForward { get; init; } = 4;

    /// <summary>Videos between forced flushes to disk (fsync); a kill loses at most the work since the last one.</summary>
    [Range(1, 100000)]
    public int SyncEvery { get; init; } = 16;
}
