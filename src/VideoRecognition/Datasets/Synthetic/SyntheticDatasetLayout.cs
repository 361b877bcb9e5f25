namespace VideoRecognition.Datasets.Synthetic;

/// <summary>The files of a synthetic dataset under its output folder; readers and the generator share these names.</summary>
public sealed record SyntheticDatasetLayout(string Folder)
{
    public string Videos => Path.Combine(Folder, "videos");

    public string Annotations => Path.Combine(Folder, "annotations.json");

    public string GroundTruth => Path.Combine(Folder, "ground_truth.json");

    public string Splits => Path.Combine(Folder, "splits.txt");

    public string Classes => Path.Combine(Folder, "classes.json");

    /// <summary>The seed and synth settings the folder was made from (written by the demo, which reuses a folder made the same way).</summary>
    public string Settings => Path.Combine(Folder, "synth-config.yaml");

    public string Video(string id) => Path.Combine(Videos, $"v_{id}.mp4");
}
