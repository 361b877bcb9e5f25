using VideoRecognition.Backbones;
using VideoRecognition.Configuration;
using VideoRecognition.Features;
using VideoRecognition.Model;
using VideoRecognition.Video;

namespace VideoRecognition.Training;

/// <summary>
/// The sections of a run's configuration the training stage reads, handed to it by the job (the stage never
/// sees the whole run configuration, which sits above every stage).
/// </summary>
/// <param name="Seed">The run seed: initialisation, video order, views and dropout derive from it.</param>
/// <param name="Device">Where tensors live.</param>
/// <param name="Train">The loop: epochs, batch size, optimiser, schedule, output folder.</param>
/// <param name="Model">The heads and losses.</param>
/// <param name="Video">Sampling and augmentation (end-to-end mode decodes videos).</param>
/// <param name="Backbone">The backbone's batch size and trainable stages (end-to-end mode).</param>
/// <param name="Features">The feature store read in cached mode; decode workers and queue in end-to-end mode.</param>
/// <param name="ConfigYaml">The effective run configuration as YAML, saved in every checkpoint so a model can be rebuilt without its run folder.</param>
public sealed record TrainingSettings(
    int Seed,
    Device Device,
    TrainingConfig Train,
    ModelConfig Model,
    VideoConfig Video,
    BackboneConfig Backbone,
    FeatureConfig Features,
    string ConfigYaml);
