using System.ComponentModel.DataAnnotations;
using VideoRecognition.Configuration;

namespace VideoRecognition.Training;

/// <summary>How the model is trained on base classes (`vrec train`, config section `train`).</summary>
public sealed record TrainingConfig : IConfigSection
{
    /// <summary>Run folder: checkpoints/, train.jsonl, tensorboard/, model.pt, effective-config.yaml.</summary>
    [Required]
    public string Output { get; init; } = "runs/train";

    /// <summary>A corrections file saved from a report (or written by `vrec corrections simulate`): its marked segments are trained as known labels in place of pseudo-labels; empty for none.</summary>
    public string Corrections { get; init; } = "";

    /// <summary>cached: heads on the feature store (fast on CPU). end_to_end: decode videos and fine-tune the backbone too (for GPUs).</summary>
    public TrainingMode Mode { get; init; } = TrainingMode.Cached;

    [Range(1, 10000)]
    public int Epochs { get; init; } = 30;

    /// <summary>Videos per step.</summary>
    [Range(2, 4096)]
    public int BatchSize { get; init; } = 32;

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    [Range(1e-7, 10.0)]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// End-to-end mode: the backbone's learning rate as a fraction of learning_rate (same schedule), because
    /// pretrained features are destroyed by the heads' rate.
    /// </summary>
    [Range(0.0, 100.0)]
    public double BackboneLrScale { get; init; } = 0.1;

    [Range(0.0, 0.999)]
    public double Momentum { get; init; } = 0.9;

    [Range(0.0, 1.0)]
    public double WeightDecay { get; init; } = 1e-4;

    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Cosine;

    /// <summary>Epochs of linear learning-rate warm-up from zero.</summary>
    [Range(0, 1000)]
    public int WarmupEpochs { get; init; } = 1;

    /// <summary>Step schedule: multiply the rate by step_gamma every step_epochs epochs.</summary>
    [Range(1, 10000)]
    public int StepEpochs { get; init; } = 10;

    [Range(0.0, 1.0)]
    public double StepGamma { get; init; } = 0.1;

    /// <summary>Largest gradient norm; 0 turns clipping off.</summary>
    [Range(0.0, 1e6)]
    public double GradientClip { get; init; } = 5.0;

    /// <summary>Cached mode: where the contrastive pair comes from (stored training views, or the test view twice).</summary>
    public ContrastiveViews ContrastiveViews { get; init; } = ContrastiveViews.Auto;

    /// <summary>Few-shot episodes on the val classes after each epoch, to pick the best checkpoint; 0 turns validation off.</summary>
    [Range(0, 100000)]
    public int ValidationEpisodes { get; init; } = 300;

    /// <summary>
    /// Which initialisation of the run seed trains the model: 0 is the seed's own; 1, 2, ... draw other initial
    /// weights, video orders and dropout masks from the same seed, while the data, the class split, the stored
    /// views and the episodes stay. `vrec study --inits` trains every model from several, so that a seed's
    /// numbers do not rest on one draw of the weights.
    /// </summary>
    [Range(0, 1000000)]
    public int Init { get; init; }

    /// <summary>Steps between log lines.</summary>
    [Range(1, 100000)]
    public int LogEvery { get; init; } = 10;

    public IEnumerable<(string Key, string Problem)> Check()
    {
        if (WarmupEpochs >= Epochs && Epochs > 1)
        {
            yield return ("warmup_epochs", $"must be smaller than epochs ({Epochs}); got {WarmupEpochs}");
        }
    }
}

public enum TrainingMode
{
    Cached,
    EndToEnd,
}

public enum OptimizerKind
{
    Sgd,
    AdamW,
}

public enum LearningRateSchedule
{
    Cosine,
    Step,
    Constant,
}
