using System.Numerics.Tensors;

namespace VideoRecognition.Features.Import;

/// <summary>
/// Pools one video's rows, fed in order and a block at a time, into the store's views x segments x D: view 0
/// (the test view) is the mean of each segment's rows (<see cref="SegmentRows"/>); each further view is the
/// mean of a random window inside the segment's rows (<see cref="ImportConfig.JitterWindow"/> of them, at
/// least one), so two views of a segment are two different temporal crops of it. Memory is the output plus
/// an index of which outputs each row feeds: the rows themselves are never kept.
/// </summary>
internal sealed class SegmentMeans
{
    private readonly int dimension;
    private readonly float[] sums;
    private readonly int[] counts;
    private readonly int[] rowStart; // CSR: the outputs row r feeds are targets[rowStart[r] .. rowStart[r + 1])
    private readonly int[] targets;

    public SegmentMeans(int rows, int segments, int dimension, int trainViews, double jitterWindow, Random random)
    {
        this.dimension = dimension;
        int outputs = (1 + trainViews) * segments;
        sums = new float[outputs * dimension];
        counts = new int[outputs];
        var windows = new (int Start, int End)[outputs];
        for (int s = 0; s < segments; s++)
        {
            windows[s] = SegmentRows.Of(s, segments, rows);
        }

        // Views are drawn view by view, segment by segment, so a video's views depend only on its seed.
        for (int v = 1; v <= trainViews; v++)
        {
            for (int s = 0; s < segments; s++)
            {
                (int start, int end) = windows[s];
                int length = end - start;
                int window = Math.Clamp((int)Math.Round(length * jitterWindow, MidpointRounding.AwayFromZero), 1, length);
                int first = start + random.Next(length - window + 1);
                windows[(v * segments) + s] = (first, first + window);
            }
        }

        rowStart = new int[rows + 1];
        foreach ((int start, int end) in windows)
        {
            for (int r = start; r < end; r++)
            {
                rowStart[r + 1]++;
            }
        }

        for (int r = 0; r < rows; r++)
        {
            rowStart[r + 1] += rowStart[r];
        }

        targets = new int[rowStart[rows]];
        int[] fill = rowStart[..rows];
        for (int o = 0; o < outputs; o++)
        {
            for (int r = windows[o].Start; r < windows[o].End; r++)
            {
                targets[fill[r]++] = o;
            }

            counts[o] = windows[o].End - windows[o].Start;
        }
    }

    /// <summary>Adds row <paramref name="row"/> (D values) to every output whose rows include it.</summary>
    public void Add(int row, ReadOnlySpan<float> values)
    {
        for (int i = rowStart[row]; i < rowStart[row + 1]; i++)
        {
            Span<float> sum = sums.AsSpan(targets[i] * dimension, dimension);
            TensorPrimitives.Add(sum, values, sum);
        }
    }

    /// <summary>The means, views x segments x D, once every row has been added.</summary>
    public void WriteTo(Span<float> destination)
    {
        for (int o = 0; o < counts.Length; o++)
        {
            TensorPrimitives.Divide(sums.AsSpan(o * dimension, dimension), counts[o], destination.Slice(o * dimension, dimension));
        }
    }
}
