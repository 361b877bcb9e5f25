using System.IO.MemoryMappedFiles;
using VideoRecognition.Runtime;

namespace VideoRecognition.Features;

/// <summary>
/// A complete feature store opened for reading. features.f16 is memory-mapped, so opening costs nothing
/// and reading a video touches only its own pages: training memory does not grow with the dataset.
/// </summary>
public sealed unsafe class FeatureStore : IDisposable
{
    private readonly MemoryMappedFile? file;
    private readonly MemoryMappedViewAccessor? view;
    private readonly byte* basePointer;
    private readonly Dictionary<string, int> positionById;

    private FeatureStore(FeatureStoreLayout layout, FeatureStoreManifest manifest, IReadOnlyList<FeatureEntry> entries)
    {
        Layout = layout;
        Manifest = manifest;
        Entries = entries;
        Videos = entries.Where(e => e.HasFeatures).ToList();
        positionById = Videos.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        long length = new FileInfo(layout.Data).Length;
        long bytesPerVideo = manifest.BytesPerVideo;
        // Reading past the mapped file is an access violation, not an exception: a truncated file is refused here.
        if (Videos.FirstOrDefault(e => e.Offset + bytesPerVideo > length) is { } beyond)
        {
            throw new BadInputException(
                $"{layout.Data}: {length} bytes, but index.jsonl places video '{beyond.Id}' at bytes {beyond.Offset}..{beyond.Offset + bytesPerVideo} " +
                "(the file is truncated, or the manifest does not describe it); extract the features again");
        }

        if (length > 0)
        {
            file = MemoryMappedFile.CreateFromFile(layout.Data, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref basePointer);
            basePointer += view.PointerOffset;
        }
    }

    public FeatureStoreLayout Layout { get; }

    public FeatureStoreManifest Manifest { get; }

    /// <summary>Every video listed, including those that could not be read.</summary>
    public IReadOnlyList<FeatureEntry> Entries { get; }

    /// <summary>The videos that have features, in store order; positions in this list are what Read takes.</summary>
    public IReadOnlyList<FeatureEntry> Videos { get; }

    public static FeatureStore Open(string folder)
    {
        var layout = new FeatureStoreLayout(folder);
        FeatureStoreManifest manifest = FeatureIndexJson.ReadManifest(layout.Manifest);
        if (!File.Exists(layout.Complete))
        {
            throw new BadInputException($"{folder}: the feature store is not complete (an extraction was interrupted, or shards were not merged); rerun `vrec extract` to finish it");
        }

        if (!File.Exists(layout.Index))
        {
            throw new BadInputException($"{layout.Index}: missing; the feature store's index of videos is gone, so extract the features again");
        }

        var entries = new List<FeatureEntry>();
        foreach (string line in File.ReadLines(layout.Index))
        {
            entries.Add(FeatureIndexJson.ParseEntry(System.Text.Encoding.UTF8.GetBytes(line))
                ?? throw new BadInputException($"{layout.Index}: line {entries.Count + 1} is not a feature index entry"));
        }

        return new FeatureStore(layout, manifest, entries);
    }

    public int PositionOf(string id) =>
        positionById.TryGetValue(id, out int position) ? position : throw new KeyNotFoundException($"video '{id}' has no features in {Layout.Folder}");

    /// <summary>The raw float16 features of one video: views x segments x dimension.</summary>
    public ReadOnlySpan<Half> Raw(int position)
    {
        FeatureEntry entry = Videos[position];
        return new ReadOnlySpan<Half>(basePointer + entry.Offset, Manifest.FloatsPerVideo);
    }

    /// <summary>One view of one video as floats: segments x dimension.</summary>
    public void Read(int position, int viewIndex, Span<float> destination)
    {
        int floats = Manifest.Segments * Manifest.FeatureDimension;
        System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(Raw(position).Slice(viewIndex * floats, floats), destination[..floats]);
    }

    public void Dispose()
    {
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }

        file?.Dispose();
    }
}
