using System.Numerics.Tensors;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>
/// One model's embeddings of the episode set's videos, L2-normalised once and laid out contiguously so an
/// episode is a few dot products over cached rows: Pooled row r is v of video r of the <see cref="EpisodeIndex"/>.
/// With segments: SegmentOffset[r]..SegmentOffset[r+1] are video r's segments, each a normalised z_t in
/// SegmentFeatures with its weight and time span.
/// </summary>
internal sealed class EmbeddingTable
{
    private EmbeddingTable(int dimension, float[] pooled)
    {
        Dimension = dimension;
        Pooled = pooled;
    }

    public int Dimension { get; }

    public float[] Pooled { get; }

    public int[] SegmentOffset { get; private init; } = [];

    public float[] SegmentFeatures { get; private init; } = [];

    public float[] SegmentWeights { get; private init; } = [];

    public ActionSpan[] SegmentSpans { get; private init; } = [];

    public bool HasSegments => SegmentOffset.Length > 0;

    public ReadOnlySpan<float> Row(int row) => Pooled.AsSpan(row * Dimension, Dimension);

    public static EmbeddingTable Build(EpisodeIndex index, string model, IReadOnlyDictionary<string, VideoEmbedding> videos, bool withSegments)
    {
        VideoEmbedding[] rows = new VideoEmbedding[index.VideoIds.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            string id = index.VideoIds[r];
            if (!videos.TryGetValue(id, out VideoEmbedding? video))
            {
                throw new BadInputException($"Model '{model}' has no embedding for video '{id}', which the episode set uses; embed every video of the split or sample episodes from this model's videos.");
            }

            if (video.Label != index.VideoLabels[r])
            {
                throw new BadInputException($"Model '{model}' labels video '{id}' as '{video.Label}' but the episode set uses it as '{index.VideoLabels[r]}'.");
            }

            rows[r] = video;
        }

        int dimension = rows.Length == 0 ? 0 : rows[0].Pooled.Length;
        var pooled = new float[rows.Length * dimension];
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Pooled.Length != dimension || dimension == 0)
            {
                throw new BadInputException($"Model '{model}': video '{rows[r].Id}' has a pooled feature of {rows[r].Pooled.Length} floats, expected {dimension} like video '{rows[0].Id}' (and more than 0).");
            }

            Normalise(rows[r].Pooled, pooled.AsSpan(r * dimension, dimension));
        }

        return withSegments && rows.All(v => v.Segments.Length > 0)
            ? WithSegments(model, rows, dimension, pooled)
            : new EmbeddingTable(dimension, pooled);
    }

    private static EmbeddingTable WithSegments(string model, VideoEmbedding[] rows, int dimension, float[] pooled)
    {
        var offset = new int[rows.Length + 1];
        for (int r = 0; r < rows.Length; r++)
        {
            VideoEmbedding v = rows[r];
            int t = v.Segments.Length;
            if (v.Weights.Length != t || v.SegmentStarts.Length != t || v.SegmentEnds.Length != t || v.Segments.Any(z => z.Length != dimension))
            {
                throw new BadInputException($"Model '{model}': video '{v.Id}' has {t} segments of {dimension} floats, but {v.Weights.Length} weights, {v.SegmentStarts.Length} starts, {v.SegmentEnds.Length} ends (or a segment of another size); all must agree.");
            }

            offset[r + 1] = offset[r] + t;
        }

        var features = new float[offset[^1] * dimension];
        var weights = new float[offset[^1]];
        var spans = new ActionSpan[offset[^1]];
        for (int r = 0; r < rows.Length; r++)
        {
            VideoEmbedding v = rows[r];
            for (int t = 0; t < v.Segments.Length; t++)
            {
                int s = offset[r] + t;
                Normalise(v.Segments[t], features.AsSpan(s * dimension, dimension));
                weights[s] = v.Weights[t];
                spans[s] = new ActionSpan(v.SegmentStarts[t], v.SegmentEnds[t]);
            }
        }

        return new EmbeddingTable(dimension, pooled)
        {
            SegmentOffset = offset,
            SegmentFeatures = features,
            SegmentWeights = weights,
            SegmentSpans = spans,
        };
    }

    // A zero vector stays zero (cosine 0 to everything) rather than becoming NaN.
    internal static void Normalise(ReadOnlySpan<float> source, Span<float> destination)
    {
        float norm = TensorPrimitives.Norm(source);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(source, norm, destination);
        }
        else
        {
            destination.Clear();
        }
    }
}
