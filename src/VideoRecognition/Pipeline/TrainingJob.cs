using VideoRecognition.Backbones;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.FewShot;
using VideoRecognition.Model;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Pipeline;

/// <summary>
/// `vrec train`: the model on the base classes, from the feature store (train.mode cached, validated on the
/// val classes each epoch) or from the videos with the backbone fine-tuned (train.mode end_to_end).
/// </summary>
public static class TrainingJob
{
    public static TrainingSummary Train(RunConfig config, bool resume, IProgressReporter progress, CancellationToken ct)
    {
        if (config.Train.Mode == TrainingMode.EndToEnd)
        {
            using ITrainingBatchSource videos = EndToEndSource(config, progress, ct);
            if (config.Train.ValidationEpisodes > 0)
            {
                // The store's val features come from the frozen backbone, not the one being trained: scoring on them would mislead.
                progress.Log(LogLevel.Warning, "train.validation_episodes: few-shot validation reads the feature store and is off in end_to_end mode; every epoch's checkpoint counts as best");
            }

            return Run(config, videos, resume, _ => null, progress, ct);
        }

        using StoredFeatureSource features = StoredFeatureSource.Open(Settings(config));
        if (features.Pairs == ContrastiveViews.TestView && config.Model.Resolved().Contrastive)
        {
            progress.Log(LogLevel.Info,
                $"Contrastive views: {features.Description} gives no two training views per segment, so both views of a pair are its test view, " +
                $"told apart in feature space (model.view_feature_dropout {config.Model.ViewFeatureDropout}, model.view_noise {config.Model.ViewNoise})");
        }

        using var validationStore = config.Train.ValidationEpisodes > 0 ? FeatureStore.Open(config.Features.Output) : null;
        return Run(config, features, resume, Validation(config, validationStore, progress), progress, ct);
    }

    /// <summary>
    /// Limits oneDNN to AVX when this config will backpropagate through ResNet-50's bottleneck blocks on a CPU
    /// that hides its cache topology (<see cref="OneDnnGuard"/>). Every command that trains calls it before its
    /// first tensor operation (extraction already runs oneDNN, and oneDNN reads the variable once). Returns a
    /// line for the log, or null when nothing changed.
    /// </summary>
    public static string? ProtectBackwardPass(RunConfig config) =>
        OneDnnGuard.ProtectBackwardPass(
            config.Train.Mode == TrainingMode.EndToEnd && config.Backbone.Trainable && config.Backbone.Architecture == BackboneArchitecture.Resnet50,
            config.Device == Device.Cpu);

    /// <summary>The sections of <paramref name="config"/> the training stage reads.</summary>
    public static TrainingSettings Settings(RunConfig config) =>
        new(config.Seed, config.Device, config.Train, config.Model, config.Video, config.Backbone, config.Features, RunConfigFile.ToYaml(config));

    /// <summary>Trains on <paramref name="source"/>: its base-class videos by the run's class split, scored against the run's ground truth where there is one.</summary>
    internal static TrainingSummary Run(
        RunConfig config, ITrainingBatchSource source, bool resume, Func<AnnotationEfficientModel, double?> validate, IProgressReporter progress, CancellationToken ct)
    {
        var split = ClassSplit.Read(config.Data.Splits);
        var data = BaseClassSet.From(source.VideoLabels, split, config.Data.Splits, source.Description);
        var truth = SegmentTruth.Load(config.Data.GroundTruth, data.Positions.Select(p => source.VideoIds[p]), source.Segments);
        return new Trainer(Settings(config), progress).Run(source, data, truth, resume, validate, ct);
    }

    /// <summary>
    /// The base-class videos extraction would embed (same annotations, index and probes), decoded each step
    /// and embedded by the run's backbone with gradients. Refuses a frozen backbone before any video is read.
    /// </summary>
    private static DecodedVideoSource EndToEndSource(RunConfig config, IProgressReporter progress, CancellationToken ct)
    {
        if (!config.Backbone.Trainable)
        {
            throw new BadInputException(
                "train.mode end_to_end fine-tunes the backbone, but backbone.trainable is false; set backbone.trainable: true " +
                "(e.g. --set backbone.trainable=true), or use train.mode cached with features from `vrec extract`");
        }

        IReadOnlyList<VideoSource> sources = IndexJob.Sources(config, progress, ct);
        IBackbone backbone = BackboneFactory.CreateSeeded(config.Backbone, config.Video.InputSize, config.Device, config.Seed);
        try
        {
            return new DecodedVideoSource(sources, backbone, Settings(config), $"the usable videos of {config.Data.Annotations} in {config.Data.Videos}");
        }
        catch
        {
            backbone.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Few-shot accuracy on the val classes with a fixed set of episodes (the same every epoch, so epochs are
    /// compared on equal terms), prototype classifier, test-time views. Off when train.validation_episodes is 0,
    /// or, with a warning, when the val classes cannot fill an episode.
    /// </summary>
    private static Func<AnnotationEfficientModel, double?> Validation(RunConfig config, FeatureStore? store, IProgressReporter progress)
    {
        if (store is null)
        {
            return _ => null;
        }

        var classes = ClassSplit.Read(config.Data.Splits).ClassesIn(SplitPart.Val).ToList();
        var positions = StoreEmbeddings.PositionsOf(store, classes);
        var eval = config.Eval with { Split = SplitPart.Val, Episodes = config.Train.ValidationEpisodes, Classifier = FewShotClassifierKind.Prototype, ActivitynetResults = false };
        EpisodeSet episodes;
        try
        {
            episodes = EpisodeSampler.Sample(classes, positions.Select(p => (store.Videos[p].Id, store.Videos[p].Label)), SplitPart.Val, eval.Way, eval.Shot, eval.Query, eval.Episodes, Seed.From(config.Seed).Derive("train.validation"));
        }
        catch (BadInputException e)
        {
            progress.Log(LogLevel.Warning, $"validation is off: {e.Message}");
            return _ => null;
        }

        var device = Backbones.BackboneFactory.ToTorch(config.Device);
        return model =>
        {
            var embeddings = StoreEmbeddings.Embed(model, store, positions, device);
            return FewShotEvaluation.Evaluate(episodes, [ModelEmbeddings.Of("validation", embeddings)], eval).Models[0].Accuracy.Mean;
        };
    }
}
