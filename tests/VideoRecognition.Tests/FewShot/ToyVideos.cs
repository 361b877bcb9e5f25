using VideoRecognition.FewShot;

namespace VideoRecognition.Tests.FewShot;

/// <summary>Hand-made embeddings: classes along separate axes, or pure noise.</summary>
internal static class ToyVideos
{
    public static string ClassName(int c) => $"class_{c:D2}";

    public static string VideoId(int c, int v) => $"c{c:D2}_v{v:D3}";

    /// <summary>Class c points along axis c, with small noise: any sensible classifier gets every query right.</summary>
    public static List<VideoEmbedding> Separable(int classes, int videosPerClass, int dimension, int seed = 1)
    {
        var random = new Random(seed);
        return Make(classes, videosPerClass, (c, _) =>
        {
            float[] v = Noise(random, dimension, 0.1f);
            v[c] += 1f;
            return v;
        });
    }

    /// <summary>No class information at all: accuracy should be chance, 1/N.</summary>
    public static List<VideoEmbedding> Random(int classes, int videosPerClass, int dimension, int seed = 2)
    {
        var random = new Random(seed);
        return Make(classes, videosPerClass, (_, _) => Noise(random, dimension, 1f));
    }

    public static IEnumerable<string> Classes(int classes) => Enumerable.Range(0, classes).Select(ClassName);

    private static List<VideoEmbedding> Make(int classes, int videosPerClass, Func<int, int, float[]> pooled)
    {
        var videos = new List<VideoEmbedding>();
        for (int c = 0; c < classes; c++)
        {
            for (int v = 0; v < videosPerClass; v++)
            {
                videos.Add(new VideoEmbedding(VideoId(c, v), ClassName(c), pooled(c, v), [], [], [], []));
            }
        }

        return videos;
    }

    private static float[] Noise(Random random, int dimension, float scale)
    {
        var v = new float[dimension];
        for (int i = 0; i < dimension; i++)
        {
            v[i] = scale * (float)(random.NextDouble() * 2.0 - 1.0);
        }

        return v;
    }
}
