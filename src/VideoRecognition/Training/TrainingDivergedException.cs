namespace VideoRecognition.Training;

/// <summary>The loss became NaN or infinite: the run stops and says where, with which loss parts, and what to resume from.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message);
