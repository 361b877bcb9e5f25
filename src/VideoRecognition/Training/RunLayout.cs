namespace VideoRecognition.Training;

/// <summary>
/// The files of a training run folder (train.output): the one place their names are spelled. The trainer
/// writes them; the report, the demo, the study and the benchmark read them through this record.
/// </summary>
public sealed record RunLayout(string Folder)
{
    /// <summary>One JSON object per logged step and per epoch (<see cref="TrainingLog"/>).</summary>
    public string TrainingLog => Path.Combine(Folder, "train.jsonl");

    public string TensorBoard => Path.Combine(Folder, "tensorboard");

    /// <summary>The final weights as a PyTorch state_dict, from the best checkpoint; its presence marks a finished run.</summary>
    public string Model => Path.Combine(Folder, "model.pt");

    /// <summary>The fine-tuned backbone (end-to-end mode), torchvision names.</summary>
    public string Backbone => Path.Combine(Folder, "backbone.pt");

    /// <summary>The epoch checkpoints (<see cref="CheckpointStore"/>).</summary>
    public string Checkpoints => Path.Combine(Folder, "checkpoints");

    public string BestCheckpoint => Path.Combine(Checkpoints, "best");

    /// <summary>The run a checkpoint folder (&lt;run&gt;/checkpoints/&lt;name&gt;) belongs to.</summary>
    public static RunLayout OfCheckpoint(string checkpoint) => new(Path.Combine(checkpoint, "..", ".."));
}
