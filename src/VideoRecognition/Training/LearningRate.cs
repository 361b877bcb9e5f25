namespace VideoRecognition.Training;

/// <summary>
/// The learning rate at a step, a pure function of the config and the position in training, so a resumed
/// run needs no scheduler state: linear warm-up from zero, then cosine decay to zero, step decay, or constant.
/// </summary>
public static class LearningRate
{
    public static double At(TrainingConfig config, int epoch, int stepInEpoch, int stepsPerEpoch)
    {
        double position = epoch + (stepInEpoch / (double)Math.Max(1, stepsPerEpoch)); // in epochs, from 0
        if (position < config.WarmupEpochs)
        {
            return config.LearningRate * (position + (1.0 / Math.Max(1, stepsPerEpoch))) / config.WarmupEpochs;
        }

        return config.Schedule switch
        {
            LearningRateSchedule.Cosine => config.LearningRate * 0.5 *
                (1 + Math.Cos(Math.PI * (position - config.WarmupEpochs) / Math.Max(1e-9, config.Epochs - config.WarmupEpochs))),
            LearningRateSchedule.Step => config.LearningRate * Math.Pow(config.StepGamma, Math.Floor(position / config.StepEpochs)),
            _ => config.LearningRate,
        };
    }
}
