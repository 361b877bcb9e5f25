using System.Diagnostics;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;
using static System.FormattableString;

namespace VideoRecognition.Pipeline;

/// <summary>One measured epoch of head training.</summary>
public sealed record EpochThroughput(int Epoch, double Seconds, double VideosPerSecond, double SegmentsPerSecond, double ResidentMemoryMiB);

/// <summary>What `vrec bench train` measured: the generated store's shape, the batch and each epoch.</summary>
public sealed record TrainingBenchmarkResult(int Videos, int Classes, int Dimension, int Segments, int Batch, IReadOnlyList<EpochThroughput> Epochs);

/// <summary>
/// Head-training throughput and memory on an ActivityNet-sized feature store (`vrec bench train`): a store of
/// N videos x T segments x D dimensions with class structure (so the model really learns) is generated once,
/// then the real trainer runs and each epoch's time and resident memory are read from its log.
/// </summary>
public static class TrainingBenchmark
{
    /// <summary>Measures, then writes bench-train.json into the folder.</summary>
    public static BenchmarkReport<TrainingBenchmarkResult> Run(RunConfig config, int videos, int classes, int segments, int dimension, string folder, IProgressReporter progress, CancellationToken ct)
    {
        var epochs = Measure(config, videos, classes, segments, dimension, folder, progress, ct);
        return Report(new TrainingBenchmarkResult(videos, classes, dimension, segments, config.Train.BatchSize, epochs), MachineDescription.Current(), folder);
    }

    public static BenchmarkReport<TrainingBenchmarkResult> Report(TrainingBenchmarkResult result, MachineDescription machine, string folder)
    {
        var rows = result.Epochs.Select(e => (IReadOnlyList<string>)
            [Invariant($"{e.Epoch}"), Invariant($"{e.Seconds:0.0}"), Invariant($"{e.VideosPerSecond:0}"), Invariant($"{e.SegmentsPerSecond:0}"), Invariant($"{e.ResidentMemoryMiB:0}")]).ToList();
        var table = new BenchmarkTable(
            Invariant($"Head training on {result.Videos} videos x {result.Segments} segments x {result.Dimension} dims, batch {result.Batch}"),
            new StudyTable.Grid(["epoch", "seconds", "videos/s", "segments/s", "resident MiB"], rows));
        var lines = new List<string>();
        if (result.Epochs.Count >= 2)
        {
            lines.Add(Invariant($"resident memory, last epoch vs first: {100 * ((result.Epochs[^1].ResidentMemoryMiB / result.Epochs[0].ResidentMemoryMiB) - 1):+0.0;-0.0} %"));
        }

        lines.Add($"machine: {machine}");
        // The keys are those of the files behind the README's figures ("Count" and "segments" alike).
        string json = BenchmarkJson.Write(folder, "bench-train.json", new
        {
            machine,
            Count = result.Videos,
            result.Classes,
            result.Dimension,
            segments = result.Segments,
            batch = result.Batch,
            epochs = result.Epochs,
        });
        return new BenchmarkReport<TrainingBenchmarkResult>(result, machine, json, [table], lines);
    }

    private static IReadOnlyList<EpochThroughput> Measure(RunConfig config, int videos, int classes, int segments, int dimension, string folder, IProgressReporter progress, CancellationToken ct)
    {
        string features = Path.Combine(folder, "features");
        string splits = Path.Combine(folder, "splits.txt");
        Generate(features, splits, videos, classes, segments, dimension, 1 + config.Features.TrainViews, config.Seed, progress, ct);

        string run = Path.Combine(folder, "run");
        if (Directory.Exists(run))
        {
            Directory.Delete(run, recursive: true);
        }

        var benchConfig = config with
        {
            Data = config.Data with { Splits = splits, GroundTruth = string.Empty },
            Features = config.Features with { Output = features },
            // The heaviest training the configs ship (the ActivityNet ones keep the contrastive loss on), whatever the default.
            Model = config.Model with { Contrastive = true },
            Train = config.Train with { Output = run, ValidationEpisodes = 0 },
        };
        using (ITrainingBatchSource source = StoredFeatureSource.Open(TrainingJob.Settings(benchConfig)))
        {
            TrainingJob.Run(benchConfig, source, resume: false, _ => null, progress, ct);
        }

        return TrainingLog.Read(new RunLayout(run).TrainingLog)
            .Where(r => r.Kind == "epoch" && r.Epoch > 0)
            .Select(r => new EpochThroughput(r.Epoch, videos / (r.VideosPerSecond ?? double.NaN), r.VideosPerSecond ?? double.NaN, r.SegmentsPerSecond ?? double.NaN, r.ResidentMemoryMiB ?? double.NaN))
            .ToList();
    }

    /// <summary>
    /// Features with a class signal: each segment is its class's direction plus noise drawn from a fixed bank,
    /// and a quarter of the segments are background (a shared direction plus noise). Cheap to make at scale.
    /// </summary>
    private static void Generate(string folder, string splits, int videos, int classes, int segments, int dimension, int views, int seed, IProgressReporter progress, CancellationToken ct)
    {
        var manifest = new FeatureStoreManifest(FeatureStoreManifest.CurrentFormatVersion, "benchmark", dimension, segments, views, 0, seed, $"benchmark classes={classes}");
        var layout = new FeatureStoreLayout(folder);
        if (File.Exists(layout.Complete))
        {
            bool reusable;
            using (var existing = FeatureStore.Open(folder))
            {
                reusable = existing.Manifest == manifest && existing.Videos.Count == videos;
            }

            if (reusable)
            {
                return;
            }

            Directory.Delete(folder, recursive: true);
        }

        var random = Seed.From(seed).Derive("bench.train").ToRandom();
        float[][] directions = Enumerable.Range(0, classes + 1).Select(_ => Vector(random, dimension, 1f)).ToArray();
        float[][] noise = Enumerable.Range(0, 512).Select(_ => Vector(random, dimension, 0.7f)).ToArray();
        var names = Enumerable.Range(0, classes).Select(c => $"class {c:D3}").ToArray();
        var buffer = new float[manifest.FloatsPerVideo];
        using (var writer = FeatureStoreWriter.OpenOrResume(layout, manifest))
        using (IProgressTask task = progress.Start("Writing benchmark features", videos, "videos"))
        {
            for (int v = writer.Entries.Count; v < videos; v++)
            {
                ct.ThrowIfCancellationRequested();
                int label = v % classes;
                for (int s = 0; s < views * segments; s++)
                {
                    float[] direction = random.Next(4) == 0 ? directions[classes] : directions[label];
                    float[] n = noise[random.Next(noise.Length)];
                    var target = buffer.AsSpan(s * dimension, dimension);
                    System.Numerics.Tensors.TensorPrimitives.Add(direction, n, target);
                }

                writer.Append(new FeatureEntry($"bench{v:D6}", names[label], "training", segments * 10, 10, segments, 0, null), buffer);
                task.Advance();
            }

            writer.Complete();
        }

        new ClassSplit(names.Select(n => (SplitPart.Base, n)).ToArray()).Write(splits, ["# Benchmark split: every class is a base class."]);
    }

    private static float[] Vector(Random random, int dimension, float scale) =>
        Enumerable.Range(0, dimension).Select(_ => (float)((random.NextDouble() * 2) - 1) * scale).ToArray();
}
