using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Features;

/// <summary>
/// A small synthetic dataset (6 classes x 4 short videos) generated once for the extraction tests, and a
/// run config for it that keeps extraction fast: 4 segments, 64-pixel input, one training view, a randomly
/// initialised (seeded) ResNet-18.
/// </summary>
public sealed class ExtractionDataset : IDisposable
{
    public ExtractionDataset()
    {
        Folder = Directory.CreateTempSubdirectory("vrec-extract-data-").FullName;
        var config = new SyntheticConfig { Output = Path.Combine(Folder, "synthetic"), Classes = 6, VideosPerClass = 4, DurationScale = 0.04, MinDuration = 4.0 };
        SyntheticDataset.Generate(config, Seed.From(11), SilentProgress.Instance, CancellationToken.None);
        Layout = new SyntheticDatasetLayout(config.Output);
    }

    public const int Videos = 24;

    public string Folder { get; }

    public SyntheticDatasetLayout Layout { get; }

    /// <summary>Writes a run config into <paramref name="runFolder"/> that reads this dataset's annotations from <paramref name="videos"/>.</summary>
    public string WriteConfig(string runFolder, string? videos = null)
    {
        string path = Path.Combine(runFolder, "run.yaml");
        File.WriteAllText(path, $"""
            seed: 3
            data:
              annotations: {Layout.Annotations}
              videos: {videos ?? Layout.Videos}
              splits: {Layout.Splits}
              ground_truth: {Layout.GroundTruth}
              index: {Path.Combine(runFolder, "index")}
            video:
              segments: 4
              input_size: 64
              resize_shorter: 72
            backbone:
              weights: none
              batch_size: 16
            features:
              output: {Path.Combine(runFolder, "features")}
              train_views: 1
              sync_every: 1
            """);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
