using VideoRecognition.Configuration;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Training;

/// <summary>
/// The smallest dataset end-to-end training can run on, made once: 6 synthetic classes x 2 videos of 4 s,
/// a split whose only base classes are two of them (so 4 training videos), 4 segments at 64 px, a randomly
/// initialised trainable ResNet-18, batches of 2. No feature store: end-to-end mode reads the videos.
/// </summary>
public sealed class EndToEndDataset : IDisposable
{
    public EndToEndDataset()
    {
        Folder = Directory.CreateTempSubdirectory("vrec-e2e-data-").FullName;
        string synthetic = Path.Combine(Folder, "synthetic");
        var config = RunConfigFile.Parse($"""
            seed: 3
            synth:
              output: {synthetic}
              classes: 6
              videos_per_class: 2
              duration_scale: 0.04
              min_duration: 4
            """, "end-to-end test data", []);
        SyntheticDataset.Generate(config.Synth, Seed.From(config.Seed), SilentProgress.Instance, CancellationToken.None);

        // Two base classes, the rest novel: the fewest videos training accepts.
        string[] lines = File.ReadAllLines(Path.Combine(synthetic, "splits.txt")).Where(l => !l.StartsWith('#') && l.Length > 0).ToArray();
        string[] bases = lines.Where(l => l.StartsWith("base\t", StringComparison.Ordinal)).Take(2).ToArray();
        Splits = Path.Combine(Folder, "two-base-classes.txt");
        File.WriteAllLines(Splits, lines.Select(l => bases.Contains(l) || !l.Contains('\t') ? l : "novel" + l[l.IndexOf('\t')..]));
        Synthetic = synthetic;
    }

    public string Folder { get; }

    public string Synthetic { get; }

    public string Splits { get; }

    /// <summary>An end-to-end config training into <paramref name="runFolder"/>, with YAML-style overrides applied.</summary>
    public RunConfig Config(string runFolder, params string[] overrides) =>
        RunConfigFile.Parse($"""
            seed: 3
            data:
              annotations: {Synthetic}/annotations.json
              videos: {Synthetic}/videos
              splits: {Splits}
              ground_truth: {Synthetic}/ground_truth.json
              index: {Folder}/index
            video:
              segments: 4
              input_size: 64
              resize_shorter: 72
            backbone:
              architecture: resnet18
              weights: none
              trainable: true
              frozen_stages: 1
            model:
              warmup_epochs: 0
            train:
              mode: end_to_end
              output: {runFolder}
              epochs: 2
              batch_size: 2
              learning_rate: 0.001
              validation_episodes: 0
              log_every: 1
            """, "end-to-end test config", overrides.Select(ConfigOverride.Parse).ToList());

    /// <summary>That config written to a file, for the tests that run the real CLI.</summary>
    public string ConfigFile(string runFolder, params string[] overrides)
    {
        Directory.CreateDirectory(runFolder);
        string path = Path.Combine(runFolder, "run.yaml");
        File.WriteAllText(path, RunConfigFile.ToYaml(Config(runFolder, overrides)));
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
