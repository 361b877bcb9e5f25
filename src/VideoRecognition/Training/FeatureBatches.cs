using VideoRecognition.Features;
using VideoRecognition.Model;
using static TorchSharp.torch;

namespace VideoRecognition.Training;

/// <summary>
/// Training batches read straight from the memory-mapped feature store. The classification view of each
/// video is one of its augmented training views, drawn per video and epoch (view 0, the test view, when the
/// store has none); the contrastive pair is training views 1 and 2, two augmentations of the same frames, or
/// (<see cref="ContrastiveViews.TestView"/>) the test view twice, for the model to augment in feature space.
/// </summary>
public sealed class FeatureBatches(FeatureStore store, Device device, ContrastiveViews pairs = ContrastiveViews.Stored)
{
    private readonly int segments = store.Manifest.Segments;
    private readonly int dimension = store.Manifest.FeatureDimension;

    public int Views => store.Manifest.Views;

    public Device Device => device;

    /// <summary>Whether the store holds the two augmented views the contrastive loss needs.</summary>
    public bool HasContrastivePairs => Views >= 3;

    /// <summary>The store views the contrastive pair is read from.</summary>
    public (int A, int B) PairViews => pairs == ContrastiveViews.TestView ? (FeatureStoreManifest.TestView, FeatureStoreManifest.TestView) : (1, 2);

    public TrainingBatch Build(IReadOnlyList<int> positions, IReadOnlyList<int> labels, Random viewChoice, bool contrastive)
    {
        var views = positions.Select(_ => Views > 1 ? 1 + viewChoice.Next(Views - 1) : FeatureStoreManifest.TestView).ToArray();
        Tensor features = Read(positions, i => views[i]);
        Tensor y = tensor(labels.Select(l => (long)l).ToArray(), dtype: int64, device: device);
        return contrastive
            ? new TrainingBatch(features, y, Read(positions, _ => PairViews.A), Read(positions, _ => PairViews.B))
            : new TrainingBatch(features, y);
    }

    /// <summary>[B, T, D] of the given view of each video.</summary>
    public Tensor Read(IReadOnlyList<int> positions, Func<int, int> view)
    {
        int floats = segments * dimension;
        var buffer = new float[positions.Count * floats];
        for (int i = 0; i < positions.Count; i++)
        {
            store.Read(positions[i], view(i), buffer.AsSpan(i * floats, floats));
        }

        Tensor cpu = tensor(buffer, [positions.Count, segments, dimension], dtype: float32);
        if (device.type == TorchSharp.DeviceType.CPU)
        {
            return cpu;
        }

        using (cpu)
        {
            return cpu.to(device);
        }
    }
}
