using VideoRecognition.Configuration;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Features;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Training;

/// <summary>
/// A synthetic dataset with real features for the training tests, made once: 10 classes x 6 videos, the
/// offline ImageNet ResNet-18 at 64 px, 8 segments, two augmented views. Training configs made from it run
/// in seconds.
/// </summary>
public sealed class TrainingDataset : IDisposable
{
    public TrainingDataset()
    {
        Folder = Directory.CreateTempSubdirectory("vrec-train-data-").FullName;
        string synthetic = Path.Combine(Folder, "synthetic");
        BaseConfig = RunConfigFile.Parse($"""
            seed: 5
            synth:
              output: {synthetic}
              classes: 10
              videos_per_class: 6
              duration_scale: 0.06
              min_duration: 6
            data:
              annotations: {synthetic}/annotations.json
              videos: {synthetic}/videos
              splits: {synthetic}/splits.txt
              ground_truth: {synthetic}/ground_truth.json
              index: {Folder}/index
            video:
              segments: 8
              input_size: 64
              resize_shorter: 72
            features:
              output: {Folder}/features
              train_views: 2
            model:
              warmup_epochs: 1
            train:
              epochs: 8
              batch_size: 8
              validation_episodes: 0
              log_every: 2
            """, "training test config", []);
        SyntheticDataset.Generate(BaseConfig.Synth, Seed.From(BaseConfig.Seed), SilentProgress.Instance, CancellationToken.None);
        ExtractionJob.Extract(BaseConfig, ShardSpec.Whole, SilentProgress.Instance, CancellationToken.None);
    }

    public string Folder { get; }

    public RunConfig BaseConfig { get; }

    /// <summary>The base config training into <paramref name="runFolder"/>, with YAML-style overrides applied.</summary>
    public RunConfig Config(string runFolder, params string[] overrides)
    {
        string yaml = RunConfigFile.ToYaml(BaseConfig with { Train = BaseConfig.Train with { Output = runFolder } });
        return RunConfigFile.Parse(yaml, "training test config", overrides.Select(ConfigOverride.Parse).ToList());
    }

    /// <summary>Writes that config to a file, for the tests that run the real CLI.</summary>
    public string ConfigFile(string runFolder, params string[] overrides)
    {
        Directory.CreateDirectory(runFolder);
        string path = Path.Combine(runFolder, "run.yaml");
        File.WriteAllText(path, RunConfigFile.ToYaml(Config(runFolder, overrides)));
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
