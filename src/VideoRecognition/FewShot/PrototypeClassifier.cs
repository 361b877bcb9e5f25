using System.Numerics.Tensors;

namespace VideoRecognition.FewShot;

/// <summary>Nearest prototype by cosine similarity (both sides are unit vectors, so a dot product).</summary>
internal sealed class PrototypeClassifier : IEpisodeClassifier
{
    public void Predict(EmbeddingTable table, ReadOnlySpan<int> support, ReadOnlySpan<int> query, int way, int shot, EpisodeWorkspace workspace, Span<int> predicted)
    {
        int d = table.Dimension;
        ReadOnlySpan<float> prototypes = workspace.Prototypes;
        for (int q = 0; q < query.Length; q++)
        {
            ReadOnlySpan<float> features = table.Row(query[q]);
            int best = 0;
            float bestScore = float.NegativeInfinity;
            for (int c = 0; c < way; c++)
            {
                float score = TensorPrimitives.Dot(features, prototypes.Slice(c * d, d));
                if (score > bestScore)
                {
                    best = c;
                    bestScore = score;
                }
            }

            predicted[q] = best;
        }
    }
}
