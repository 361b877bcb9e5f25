using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.FewShot;
using VideoRecognition.Model;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Pipeline;

/// <summary>`vrec train`: the model on the base classes of a feature store, validated on the val classes each epoch.</summary>
public static class TrainingJob
{
    public static TrainingSummary Train(RunConfig config, bool resume, IProgressReporter progress, CancellationToken ct)
    {
        if (config.Train.Mode == TrainingMode.EndToEnd)
        {
            throw new Runtime.BadInputException("train.mode end_to_end is not available yet; use cached (features from `vrec extract`)");
        }

        var trainer = new Trainer(config, progress);
        using var validationStore = config.Train.ValidationEpisodes > 0 ? FeatureStore.Open(config.Features.Output) : null;
        return trainer.Run(resume, Validation(config, validationStore, progress), ct);
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
        var eval = config.Eval with { Split = SplitPart.Val, Episodes = config.Train.ValidationEpisodes, Classifier = FewShotClassifierKind.Prototype };
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
