namespace VideoRecognition.Features;

/// <summary>
/// The files of a feature store. A shard is a store of its own in shards/NNNN-of-NNNN/, so writing,
/// resuming and reading work the same for both; merging turns complete shards into the store.
/// </summary>
public sealed record FeatureStoreLayout(string Folder)
{
    public string Manifest => Path.Combine(Folder, "manifest.json");

    public string Index => Path.Combine(Folder, "index.jsonl");

    public string Data => Path.Combine(Folder, "features.f16");

    /// <summary>Written last: its presence means every video of the store (or shard) is in it.</summary>
    public string Complete => Path.Combine(Folder, "COMPLETE");

    public string ShardsFolder => Path.Combine(Folder, "shards");

    public FeatureStoreLayout Shard(ShardSpec shard) =>
        new(Path.Combine(ShardsFolder, $"{shard.Index:D4}-of-{shard.Count:D4}"));
}
