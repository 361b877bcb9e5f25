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
