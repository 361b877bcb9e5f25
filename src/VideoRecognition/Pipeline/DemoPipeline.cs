using System.Globalization;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Features;
using VideoRecognition.Model;
using VideoRecognition.FewShot;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;
using LogLevel = VideoRecognition.Progress.LogLevel;

namespace VideoRecognition.Pipeline;

/// <summary>What `vrec demo` did and found.</summary>
public sealed record DemoResult(
    string OutputFolder,
    NativeCheck Native,
    SyntheticDatasetSummary? Dataset,
    ExtractionSummary Extraction,
    IReadOnlyList<TrainingSummary> Models,
    IReadOnlyList<FewShotResult> Evaluations,
    string? Report,
    string Table);

/// <summary>
/// The whole job on the synthetic benchmark, each stage writing its files under the run folder and each
/// skipped or resumed when its output is already there: generate the data, extract segment features, train
/// the full method, the TSN baseline and every ablation, evaluate them on the same 5-way 1-shot and 5-shot
/// episodes of the novel classes, and write the inspection report. All of it is one seed: the seed draws the
/// dataset, the class split, the initialisation and the episodes; `vrec study` repeats it over seeds.
/// </summary>
public static class DemoPipeline
{
    /// <summary>The full method's name among the variants: what every other model is compared with.</summary>
    public const string Full = "full";

    /// <summary>
    /// The models the demo trains for the run's <paramref name="model"/>: a name, the shipped config that trains it
    /// alone (null where none ships), and what it changes in the run's `model` section. Each variant is the user's
    /// model with one switch turned, so `--set model.*` reaches the full model and every ablation alike (a test keeps
    /// the shipped files equal to these switches). The contrastive loss is compared from whichever side the model
    /// stands on: "no-contrastive" when it is on, "with-contrastive" (METHOD.md's full method) when it is off, as in
    /// the synthetic default since the pre-registered test of 2026-12-01.
    /// </summary>
    public static IReadOnlyList<(string Name, string? Config, Func<ModelConfig, ModelConfig> Ablate)> VariantsFor(ModelConfig model) =>
    [
        (Full, "synthetic.yaml", m => m),
        ("baseline", "baseline.yaml", m => m with { Baseline = true }),
        ("no-background-class", "ablation-no-background-class.yaml", m => m with { BackgroundClass = false, SelfWeighting = SelfWeighting.None }),
        ("no-self-weighting", "ablation-no-self-weighting.yaml", m => m with { SelfWeighting = SelfWeighting.None }),
        model.Contrastive
            ? ("no-contrastive", null, m => m with { Contrastive = false })
            : ("with-contrastive", "with-contrastive.yaml", m => m with { Contrastive = true }),
    ];

    /// <summary>Shots the demo evaluates, each on its own episode set shared by all models.</summary>
    public static readonly IReadOnlyList<int> Shots = [1, 5];

    /// <summary>The config the demo runs with: every path inside the run folder.</summary>
    public static RunConfig Arrange(RunConfig config, string outputFolder)
    {
        var data = new SyntheticDatasetLayout(Path.Combine(outputFolder, "synthetic"));
        return config with
        {
            Synth = config.Synth with { Output = data.Folder },
            Data = config.Data with
            {
                Annotations = data.Annotations,
                Videos = data.Videos,
                Splits = data.Splits,
                GroundTruth = data.GroundTruth,
                Index = Path.Combine(outputFolder, "index"),
            },
            Features = config.Features with { Output = Path.Combine(outputFolder, "features") },
        };
    }

    /// <summary>
    /// Runs (or resumes) every stage in <paramref name="outputFolder"/>. <paramref name="inspect"/> writes the HTML
    /// inspection report of the full model; a study leaves it out of every seed to save the time.
    /// </summary>
    public static DemoResult Run(RunConfig config, string outputFolder, IProgressReporter progress, CancellationToken ct, bool inspect = true)
    {
        NativeCheck native = NativeLibraries.Check();
        progress.Log(native.AllGood ? LogLevel.Info : LogLevel.Error, native.Report);
        if (!native.AllGood)
        {
            throw new InvalidOperationException($"the native libraries do not work on this machine:{Environment.NewLine}{native.Report}");
        }

        SyntheticDatasetSummary? dataset = Synthesise(config, progress, ct);
        ExtractionSummary extraction = ExtractionJob.Extract(config, ShardSpec.Whole, progress, ct);

        var models = new List<TrainingSummary>();
        var checkpoints = new List<string>();
        int init = config.Train.Init;
        foreach (var (name, _, ablate) in VariantsFor(config.Model))
        {
            RunConfig variant = VariantConfig(config, name, ablate, outputFolder);
            models.Add(TrainOrReuse(variant, name, progress, ct));
            checkpoints.Add(new RunLayout(variant.Train.Output).BestCheckpoint);
        }

        var evaluations = new List<FewShotResult>();
        foreach (int shot in Shots)
        {
            RunConfig eval = config with { Eval = config.Eval with { Shot = shot } };
            evaluations.Add(EvaluationJob.Evaluate(eval, checkpoints, null, EvaluationFolder(outputFolder, init), progress, ct).Result);
        }

        string? report = inspect
            ? InspectionJob.Inspect(
                config, checkpoints[0], InspectionJob.NovelExamples(config, 6), Path.Combine(outputFolder, "report"),
                RunLayout.OfCheckpoint(checkpoints[0]).TrainingLog, evaluations, progress, ct)
            : null;
        string table = Path.Combine(outputFolder, $"results{InitSuffix(init)}.md");
        AtomicFile.WriteAllText(table, DemoTable.Markdown(evaluations, config.Seed, MachineDescription.Current()));
        return new DemoResult(Path.GetFullPath(outputFolder), native, dataset, extraction, models, evaluations, report, table);
    }

    /// <summary>The run config of one model: the user's config with that variant's switch and its own run folder.</summary>
    public static RunConfig VariantConfig(RunConfig config, string name, Func<ModelConfig, ModelConfig> ablate, string outputFolder) =>
        config with
        {
            Model = ablate(config.Model),
            Train = config.Train with { Output = VariantFolder(outputFolder, name, config.Train.Init) },
        };

    /// <summary>
    /// Where the model <paramref name="name"/> of a demo run in <paramref name="outputFolder"/> is trained (train.jsonl,
    /// checkpoints/): runs/&lt;name&gt; from the seed's own initialisation, runs-init-&lt;k&gt;/&lt;name&gt; from train.init k.
    /// </summary>
    public static string VariantFolder(string outputFolder, string name, int init = 0) => Path.Combine(outputFolder, $"runs{InitSuffix(init)}", name);

    /// <summary>Where the models of one initialisation are evaluated: eval, or eval-init-&lt;k&gt; for train.init k (the same episodes).</summary>
    public static string EvaluationFolder(string outputFolder, int init = 0) => Path.Combine(outputFolder, $"eval{InitSuffix(init)}");

    // Init 0 keeps the folder names of runs made before train.init existed, so they are reused as they are.
    private static string InitSuffix(int init) => init == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"-init-{init}");

    /// <summary>Generates the dataset unless the folder already holds one made from the same settings.</summary>
    private static SyntheticDatasetSummary? Synthesise(RunConfig config, IProgressReporter progress, CancellationToken ct)
    {
        var layout = new SyntheticDatasetLayout(config.Synth.Output);
        string stamp = layout.Settings;
        string settings = RunConfigFile.ToYaml(new RunConfig { Seed = config.Seed, Synth = config.Synth });
        if (File.Exists(stamp) && File.ReadAllText(stamp) == settings && File.Exists(layout.Annotations))
        {
            progress.Log(LogLevel.Info, $"Reusing the synthetic dataset in {config.Synth.Output}");
            return null;
        }

        SyntheticDatasetSummary summary = SyntheticDataset.Generate(config.Synth, Seed.From(config.Seed), progress, ct);
        AtomicFile.WriteAllText(stamp, settings);
        return summary;
    }

    private static TrainingSummary TrainOrReuse(RunConfig config, string name, IProgressReporter progress, CancellationToken ct)
    {
        var checkpoints = new CheckpointStore(config.Train.Output);
        bool finished = File.Exists(new RunLayout(config.Train.Output).Model);
        progress.Log(LogLevel.Info, finished ? $"Reusing the trained {name} model in {config.Train.Output}" : $"Training {name}");
        OutputFolder.Prepare(config.Train.Output);
        RunConfigFile.Save(config, Path.Combine(config.Train.Output, RunConfigFile.EffectiveConfigFileName));
        return TrainingJob.Train(config, resume: checkpoints.Latest() is not null, progress, ct);
    }
}
