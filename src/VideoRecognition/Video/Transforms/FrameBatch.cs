using OpenCvSharp;
using TorchSharp;

namespace VideoRecognition.Video.Transforms;

/// <summary>
/// N views of 3 x Size x Size floats in one reusable buffer (N x 3 x H x W, RGB, normalised): filled
/// slot by slot, then handed to TorchSharp in one copy. Reuse one batch per worker to avoid per-frame allocations.
/// </summary>
public sealed class FrameBatch
{
    public FrameBatch(int count, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Count = count;
        Size = size;
        Data = new float[(long)count * 3 * size * size];
    }

    public int Count { get; }

    public int Size { get; }

    /// <summary>The whole buffer, N x 3 x Size x Size in row-major order.</summary>
    public float[] Data { get; }

    public int SlotLength => 3 * Size * Size;

    public Span<float> Slot(int index) => Data.AsSpan(index * SlotLength, SlotLength);

    /// <summary>
    /// One float32 tensor holding the views of several batches of the same size, one after another
    /// (sum of N x 3 x Size x Size; the caller disposes it).
    /// </summary>
    public static torch.Tensor ToTensor(IReadOnlyList<FrameBatch> batches, torch.Device? device = null)
    {
        if (batches.Count == 1)
        {
            return batches[0].ToTensor(device);
        }

        int size = batches[0].Size;
        if (batches.Any(b => b.Size != size))
        {
            throw new ArgumentException("every batch must hold views of the same size", nameof(batches));
        }

        int count = batches.Sum(b => b.Count);
        var tensor = torch.empty([count, 3, size, size], dtype: torch.ScalarType.Float32);
        long offset = 0;
        foreach (FrameBatch batch in batches)
        {
            using var source = torch.tensor(batch.Data, [batch.Count, 3, size, size], dtype: torch.ScalarType.Float32);
            using var destination = tensor.narrow(0, offset, batch.Count);
            destination.copy_(source);
            offset += batch.Count;
        }

        if (device is null || device.type == DeviceType.CPU)
        {
            return tensor;
        }

        using (tensor)
        {
            return tensor.to(device);
        }
    }

    /// <summary>A new float32 tensor N x 3 x Size x Size holding a copy of the buffer (the caller disposes it).</summary>
    public torch.Tensor ToTensor(torch.Device? device = null)
    {
        var tensor = torch.tensor(Data, [Count, 3, Size, Size], dtype: torch.ScalarType.Float32);
        if (device is null || device.type == DeviceType.CPU)
        {
            return tensor;
        }

        using (tensor)
        {
            return tensor.to(device);
        }
    }
}
