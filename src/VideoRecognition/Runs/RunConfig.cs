using System.ComponentModel.DataAnnotations;
using VideoRecognition.Backbones;
using VideoRecognition.Datasets;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Features;
using VideoRecognition.Features.Import;
using VideoRecognition.FewShot;
using VideoRecognition.Model;
using VideoRecognition.Recognition;
using VideoRecognition.Training;
using VideoRecognition.Video;

using VideoRecognition.Configuration;

namespace VideoRecognition.Runs;

/// <summary>
/// A whole run configuration as loaded from YAML: global keys plus one section per pipeline stage.
/// Keys are snake_case in YAML (`videos_per_class`) and PascalCase here.
/// </summary>
public sealed record RunConfig
{
    /// <summary>Drives every random choice of the run: sampling, augmentation, initialisation, episodes.</summary>
    public int Seed { get; init; }

    public Device Device { get; init; } = Device.Cpu;

    [Required]
    public SyntheticConfig Synth { get; init; } = new();

    /// <summary>Annotations, videos, class split.</summary>
    [Required]
    public DatasetConfig Data { get; init; } = new();

    /// <summary>Segment sampling and frame transforms.</summary>
    [Required]
    public VideoConfig Video { get; init; } = new();

    [Required]
    public BackboneConfig Backbone { get; init; } = new();

    /// <summary>The segment-feature store.</summary>
    [Required]
    public FeatureConfig Features { get; init; } = new();

    /// <summary>Published feature sets read into the store (`vrec import-features`).</summary>
    [Required]
    public ImportConfig Import { get; init; } = new();

    /// <summary>The annotation-efficient model (or the TSN baseline).</summary>
    [Required]
    public ModelConfig Model { get; init; } = new();

    [Required]
    public TrainingConfig Train { get; init; } = new();

    /// <summary>Few-shot episode evaluation.</summary>
    [Required]
    public EvaluationConfig Eval { get; init; } = new();

    /// <summary>Few-shot recognition of a user's own videos (`vrec recognise`).</summary>
    [Required]
    public RecognitionConfig Recognise { get; init; } = new();
}
