using System.ComponentModel.DataAnnotations;

namespace VideoRecognition.Datasets;

/// <summary>
/// Where a run's data is (config section `data`): an ActivityNet annotation file in either layout, the
/// folder of its videos, the few-shot class split, and where the video index and probe cache are kept.
/// The defaults point into the synthetic dataset `vrec synth` writes.
/// </summary>
public sealed record DatasetConfig
{
    /// <summary>Official ActivityNet JSON (activity_net.v1-x.min.json) or the proposal layout (anet_anno_action.json).</summary>
    [Required]
    public string Annotations { get; init; } = "data/synthetic/annotations.json";

    /// <summary>The proposal layout's video_info CSV (subsets, frame rates); empty for the official layout.</summary>
    public string VideoInfo { get; init; } = string.Empty;

    /// <summary>Folder of the videos, named v_&lt;id&gt;.mp4 / .mkv / .webm as ActivityNet's downloaders name them.</summary>
    [Required]
    public string Videos { get; init; } = "data/synthetic/videos";

    /// <summary>The base / val / novel class split (datasets/activitynet/*.txt, or the one vrec synth writes).</summary>
    [Required]
    public string Splits { get; init; } = "data/synthetic/splits.txt";

    /// <summary>Segment-level FG/IBG/NBG ground truth where it exists (the synthetic set); empty otherwise.</summary>
    public string GroundTruth { get; init; } = "data/synthetic/ground_truth.json";

    /// <summary>Folder for the video index (video_index.json) and the probe cache (probes.jsonl).</summary>
    [Required]
    public string Index { get; init; } = "data/index";
}
