using VideoRecognition.Runtime;

namespace VideoRecognition.Training;

/// <summary>Refuses, with the reason, a checkpoint made for another model, class list or feature store.</summary>
public static class CheckpointCompatibility
{
    public static void Require(CheckpointState found, CheckpointState expected, string checkpoint)
    {
        if (found.FormatVersion != CheckpointState.CurrentFormatVersion)
        {
            throw new BadInputException($"{checkpoint}: checkpoint format {found.FormatVersion}; this vrec reads format {CheckpointState.CurrentFormatVersion}");
        }

        TrainingMode foundMode = found.Mode ?? TrainingMode.Cached;
        TrainingMode expectedMode = expected.Mode ?? TrainingMode.Cached;
        if (foundMode != expectedMode)
        {
            throw new BadInputException(
                $"{checkpoint} was trained with train.mode {Configuration.ConfigKeys.FromProperty(foundMode.ToString())}; this run's is {Configuration.ConfigKeys.FromProperty(expectedMode.ToString())}");
        }

        if (found.FeatureDimension != expected.FeatureDimension)
        {
            throw new BadInputException($"{checkpoint} was trained on {found.FeatureDimension}-d features ({found.Backbone}); these features are {expected.FeatureDimension}-d ({expected.Backbone})");
        }

        if (!found.BaseClasses.SequenceEqual(expected.BaseClasses))
        {
            var missing = expected.BaseClasses.Except(found.BaseClasses).Take(3).ToList();
            throw new BadInputException(
                $"{checkpoint} was trained on {found.BaseClasses.Count} base classes, this run has {expected.BaseClasses.Count}" +
                (missing.Count > 0 ? $" (not in the checkpoint: {string.Join(", ", missing)})" : string.Empty) + "; use the class split it was trained with");
        }

        if (found.ModelConfig != expected.ModelConfig)
        {
            throw new BadInputException($"{checkpoint} was trained with another model config ({found.ModelConfig}); this run's is {expected.ModelConfig}");
        }
    }
}
