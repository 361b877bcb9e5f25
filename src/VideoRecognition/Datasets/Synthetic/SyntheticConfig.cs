using System.ComponentModel.DataAnnotations;
using VideoRecognition.Configuration;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// The synthetic untrimmed-video benchmark (`vrec synth`, config section `synth`): a stand-in for
/// ActivityNet that can be generated anywhere, with frame-exact ground truth for FG, IBG and NBG.
/// </summary>
public sealed record SyntheticConfig : IConfigSection
{
    /// <summary>Folder the dataset is written to (videos/, annotations.json, ground_truth.json, splits.txt).</summary>
    [Required]
    public string Output { get; init; } = "data/synthetic";

    [Range(6, 400)]
    public int Classes { get; init; } = 30;

    [Range(2, 1000)]
    public int VideosPerClass { get; init; } = 10;

    /// <summary>Shares of classes in the base / val / novel parts of the few-shot split.</summary>
    public ClassSplitShares Split { get; init; } = new();

    /// <summary>Factor applied to durations drawn from the ActivityNet v1.3 duration distribution (117.8 s mean).</summary>
    [Range(0.005, 1.0)]
    public double DurationScale { get; init; } = 0.1;

    /// <summary>Shortest video after scaling, so that every video still holds a few segments.</summary>
    [Range(1.0, 600.0)]
    public double MinDuration { get; init; } = 6.0;

    [Range(1.0, 60.0)]
    public double Fps { get; init; } = 10.0;

    [Range(32, 1920)]
    public int Width { get; init; } = 160;

    [Range(32, 1080)]
    public int Height { get; init; } = 120;

    /// <summary>
    /// (choice) ActivityNet only marks the action; of the unmarked time this share is drawn as
    /// non-informative background (blank, noise, blur, title cards, fades), the rest as informative background.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NbgShareOfBackground { get; init; } = 0.8;

    /// <summary>Of informative background, the share that shows an actor of another class (base or novel) acting.</summary>
    [Range(0.0, 1.0)]
    public double OtherActionShareOfIbg { get; init; } = 0.5;

    /// <summary>Share of each class's videos in the `training` subset; the rest are `validation`.</summary>
    [Range(0.0, 1.0)]
    public double TrainingShare { get; init; } = 0.75;

    /// <summary>Throws <see cref="Runtime.BadInputException"/> naming the keys (synth.*) when the config cannot be generated.</summary>
    public void Validate() => ConfigValidation.ThrowIfInvalid(this, "synth");

    public IEnumerable<(string Key, string Problem)> Check()
    {
        double sum = Split.Base + Split.Val + Split.Novel;
        if (Math.Abs(sum - 1.0) > 1e-6)
        {
            yield return ("split", $"the shares base {Split.Base}, val {Split.Val}, novel {Split.Novel} add up to {sum}; they must add up to 1");
            yield break;
        }

        (int baseCount, int valCount, int novelCount) = Split.Sizes(Classes);
        if (baseCount < 1 || valCount < 1 || novelCount < 1)
        {
            yield return ("split", $"{Classes} classes (synth.classes) split by these shares give base {baseCount}, val {valCount}, novel {novelCount} classes; every part needs at least 1. Raise synth.classes or the small shares");
        }
    }
}
