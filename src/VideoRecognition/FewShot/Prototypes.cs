using System.Numerics.Tensors;

namespace VideoRecognition.FewShot;

/// <summary>
/// Class prototypes of an episode: the mean of the class's L2-normalised support features, normalised again.
/// Normalising before averaging keeps one long support vector from dominating the mean (choice; for K = 1 the
/// two readings agree); normalising after makes a dot product with a prototype a cosine.
/// </summary>
internal static class Prototypes
{
    public static void Compute(EmbeddingTable table, ReadOnlySpan<int> support, int way, int shot, Span<float> prototypes)
    {
        int d = table.Dimension;
        for (int c = 0; c < way; c++)
        {
            Span<float> prototype = prototypes.Slice(c * d, d);
            table.Row(support[c * shot]).CopyTo(prototype);
            for (int k = 1; k < shot; k++)
            {
                TensorPrimitives.Add(prototype, table.Row(support[c * shot + k]), prototype);
            }

            EmbeddingTable.Normalise(prototype, prototype);
        }
    }
}
