using System.Diagnostics;
using VideoRecognition.Datasets;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>What a few-shot benchmark measured; Accuracy is there to show the work was real.</summary>
public sealed record FewShotBenchmarkResult(int Episodes, int Dimension, FewShotClassifierKind Classifier, TimeSpan Sampling, TimeSpan Evaluation, double Accuracy)
{
    public double EpisodesPerSecond => Episodes / Evaluation.TotalSeconds;
}

/// <summary>
/// Times episode sampling and evaluation on synthetic cached embeddings (pooled features only: class centre
/// plus noise), so the few-shot test's speed can be checked on any machine without a model.
/// </summary>
public static class FewShotBenchmark
{
    public static FewShotBenchmarkResult Run(EvaluationConfig config, Seed seed, int dimension = 256, int classes = 20, int videosPerClass = 40)
    {
        Random random = seed.Derive("fewshot.benchmark").ToRandom();
        var videos = new List<VideoEmbedding>(classes * videosPerClass);
        for (int c = 0; c < classes; c++)
        {
            float[] centre = Gaussian(random, dimension, 1.0);
            for (int v = 0; v < videosPerClass; v++)
            {
                float[] noise = Gaussian(random, dimension, 5.0); // hard enough that accuracy is below 1
                float[] pooled = centre.Zip(noise, (a, b) => a + b).ToArray();
                videos.Add(new VideoEmbedding($"c{c:D3}_v{v:D4}", $"class {c:D3}", pooled, [], [], [], []));
            }
        }

        string[] classNames = videos.Select(v => v.Label).Distinct().ToArray();
        var clock = Stopwatch.StartNew();
        EpisodeSet set = EpisodeSampler.Sample(classNames, videos, config with { Split = SplitPart.Novel }, seed);
        TimeSpan sampling = clock.Elapsed;
        clock.Restart();
        FewShotResult result = FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("benchmark", videos)], config);
        TimeSpan evaluation = clock.Elapsed;
        return new FewShotBenchmarkResult(set.Episodes.Count, dimension, config.Classifier, sampling, evaluation, result.Models[0].Accuracy.Mean);
    }

    private static float[] Gaussian(Random random, int length, double std)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            // Box-Muller: System.Random has no normal draw.
            double u = 1.0 - random.NextDouble();
            values[i] = (float)(std * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble()));
        }

        return values;
    }
}
