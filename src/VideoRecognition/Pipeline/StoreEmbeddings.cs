using VideoRecognition.Features;
using VideoRecognition.FewShot;
using VideoRecognition.Model;
using VideoRecognition.Training;
using static TorchSharp.torch;

namespace VideoRecognition.Pipeline;

/// <summary>
/// Videos of a feature store seen through a trained model: per segment z_t and w_t and the pooled v, from
/// the test-time view, through the model's one inference path. What few-shot episodes and localisation read.
/// </summary>
public static class StoreEmbeddings
{
    public static IReadOnlyList<VideoEmbedding> Embed(AnnotationEfficientModel model, FeatureStore store, IReadOnlyList<int> positions, Device device)
    {
        var batches = new FeatureBatches(store, device);
        var embeddings = new List<VideoEmbedding>(positions.Count);
        int segments = store.Manifest.Segments;
        for (int start = 0; start < positions.Count; start += 256)
        {
            using var scope = NewDisposeScope();
            int[] chunk = positions.Skip(start).Take(256).ToArray();
            VideoEmbeddings inferred = model.Infer(batches.Read(chunk, _ => FeatureStoreManifest.TestView));
            float[] z = inferred.Embeddings.cpu().data<float>().ToArray(); // [B, T, E]
            float[] w = inferred.Weights.cpu().data<float>().ToArray();    // [B, T]
            float[] v = inferred.Video.cpu().data<float>().ToArray();      // [B, E]
            int e = (int)inferred.Video.shape[1];
            for (int i = 0; i < chunk.Length; i++)
            {
                FeatureEntry entry = store.Videos[chunk[i]];
                (double[] starts, double[] ends) = entry.SegmentTimes(segments);
                embeddings.Add(new VideoEmbedding(
                    entry.Id,
                    entry.Label,
                    v[(i * e)..((i + 1) * e)],
                    Enumerable.Range(0, segments).Select(t => z[(((i * segments) + t) * e)..(((i * segments) + t + 1) * e)]).ToArray(),
                    w[(i * segments)..((i + 1) * segments)],
                    starts,
                    ends));
            }
        }

        return embeddings;
    }

    /// <summary>Store positions of the videos whose label is one of <paramref name="classes"/>.</summary>
    public static IReadOnlyList<int> PositionsOf(FeatureStore store, IEnumerable<string> classes)
    {
        var wanted = classes.ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, store.Videos.Count).Where(p => wanted.Contains(store.Videos[p].Label)).ToList();
    }
}
