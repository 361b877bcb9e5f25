using VideoRecognition.Runtime;

namespace VideoRecognition.Features;

/// <summary>
/// Appends videos to a store (or a shard) and survives being killed at any moment: data goes to
/// features.f16 first, then the video's line to index.jsonl; on reopening, a torn last line and any data
/// past the last indexed video are cut off, and the caller continues with the videos not yet done. Videos
/// are appended in a fixed order, so a resumed store ends with the same bytes as an uninterrupted one.
/// </summary>
public sealed class FeatureStoreWriter : IDisposable
{
    private readonly FeatureStoreLayout layout;
    private readonly FileStream data;
    private readonly FileStream index;
    private readonly List<FeatureEntry> entries;
    private readonly Half[] halfBuffer;

    private FeatureStoreWriter(FeatureStoreLayout layout, FeatureStoreManifest manifest, List<FeatureEntry> entries, long dataLength, long indexLength)
    {
        this.layout = layout;
        Manifest = manifest;
        this.entries = entries;
        halfBuffer = new Half[manifest.FloatsPerVideo];
        data = new FileStream(layout.Data, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        data.SetLength(dataLength);
        data.Position = dataLength;
        index = new FileStream(layout.Index, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        index.SetLength(indexLength);
        index.Position = indexLength;
    }

    public FeatureStoreManifest Manifest { get; }

    /// <summary>Videos already in the store, in the order they were appended.</summary>
    public IReadOnlyList<FeatureEntry> Entries => entries;

    /// <summary>
    /// Opens the store for appending, creating it or resuming it. A store made with another manifest
    /// (other backbone, sampling, seed) is refused rather than mixed; so is a store already complete.
    /// </summary>
    public static FeatureStoreWriter OpenOrResume(FeatureStoreLayout layout, FeatureStoreManifest manifest)
    {
        Directory.CreateDirectory(layout.Folder);
        if (File.Exists(layout.Manifest))
        {
            var existing = FeatureIndexJson.ReadManifest(layout.Manifest);
            if (existing != manifest)
            {
                throw new BadInputException(
                    $"{layout.Folder} holds features made differently ({FeatureIndexJson.Describe(existing)}) from this run " +
                    $"({FeatureIndexJson.Describe(manifest)}); choose another output folder or delete it");
            }
        }
        else
        {
            FeatureIndexJson.WriteManifest(manifest, layout.Manifest);
        }

        File.Delete(layout.Complete);
        var (entries, indexLength, dataLength) = RecoverIndex(layout, manifest);
        return new FeatureStoreWriter(layout, manifest, entries, dataLength, indexLength);
    }

    /// <summary>Appends one video's features: views x segments x dimension floats, stored as float16.</summary>
    public FeatureEntry Append(FeatureEntry video, ReadOnlySpan<float> features)
    {
        if (features.Length != Manifest.FloatsPerVideo)
        {
            throw new ArgumentException($"expected {Manifest.FloatsPerVideo} floats for {video.Id}, got {features.Length}", nameof(features));
        }

        System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(features, halfBuffer);
        var entry = video with { Offset = data.Position, Problem = null };
        data.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(halfBuffer.AsSpan()));
        data.Flush();
        AppendLine(entry);
        return entry;
    }

    /// <summary>Records a video that could not be read, so it is not retried forever and the report can name it.</summary>
    public FeatureEntry AppendFailure(FeatureEntry video, string problem)
    {
        var entry = video.Failed(problem);
        AppendLine(entry);
        return entry;
    }

    /// <summary>Forces everything written so far to disk (kill -9 keeps the OS cache; a power cut does not).</summary>
    public void Sync()
    {
        data.Flush(flushToDisk: true);
        index.Flush(flushToDisk: true);
    }

    /// <summary>Marks the store complete: every video it was meant to hold is in it.</summary>
    public void Complete()
    {
        Sync();
        AtomicFile.WriteAllText(layout.Complete, $"{entries.Count}\n");
    }

    public void Dispose()
    {
        data.Dispose();
        index.Dispose();
    }

    private void AppendLine(FeatureEntry entry)
    {
        index.Write(FeatureIndexJson.EntryLine(entry));
        index.Flush();
        entries.Add(entry);
    }

    /// <summary>The whole lines of index.jsonl whose data is all on disk; where the two files must be cut.</summary>
    private static (List<FeatureEntry> Entries, long IndexLength, long DataLength) RecoverIndex(FeatureStoreLayout layout, FeatureStoreManifest manifest)
    {
        var entries = new List<FeatureEntry>();
        if (!File.Exists(layout.Index))
        {
            return (entries, 0, 0);
        }

        byte[] text = File.ReadAllBytes(layout.Index);
        long dataOnDisk = File.Exists(layout.Data) ? new FileInfo(layout.Data).Length : 0;
        long indexLength = 0;
        long dataLength = 0;
        int start = 0;
        for (int newline = Array.IndexOf(text, (byte)'\n'); newline >= 0; newline = Array.IndexOf(text, (byte)'\n', start))
        {
            FeatureEntry? entry = FeatureIndexJson.ParseEntry(text.AsSpan(start, newline - start));
            long end = entry is { HasFeatures: true } ? entry.Offset + manifest.BytesPerVideo : dataLength;
            if (entry is null || (entry.HasFeatures && (entry.Offset != dataLength || end > dataOnDisk)))
            {
                break;
            }

            entries.Add(entry);
            dataLength = end;
            start = newline + 1;
            indexLength = start;
        }

        return (entries, indexLength, dataLength);
    }
}
