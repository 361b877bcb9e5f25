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

    /// <summary>
    /// Number of classes. The default gives 20 base, 10 val and 10 novel classes, so a 5-way episode draws
    /// from twice as many classes as it needs.
    /// </summary>
    [Range(6, 400)]
    public int Classes { get; init; } = 40;

    /// <summary>Videos per class: 15 leave 10 queries per class after 5 shots.</summary>
    [Range(2, 1000)]
    public int VideosPerClass { get; init; } = 15;

    /// <summary>Shares of classes in the base / val / novel parts of the few-shot split.</summary>
    public ClassSplitShares Split { get; init; } = new() { Base = 0.5, Val = 0.25, Novel = 0.25 };

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
    /// (choice) ActivityNet only marks the action, so how much of the unmarked time is non-informative is a
    /// documented choice, not a measurement: this share of it is drawn as NBG (black, static, blur, fades,
    /// title cards, logos, unrelated footage, camera shake), the rest as IBG. The default 0.5 makes half
    /// the unmarked time non-informative.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NbgShareOfBackground { get; init; } = 0.5;

    /// <summary>Of informative background, the share that shows an actor of another class (base or novel) acting.</summary>
    [Range(0.0, 1.0)]
    public double OtherActionShareOfIbg { get; init; } = 0.5;

    /// <summary>
    /// Difficulty knob: how far each video's actor strays from its class's nominal look, from 0 (exact colour
    /// family hue, sizes within 10%) to 1 (hue +-30 degrees, so red, orange and yellow overlap; saturation and
    /// value spread; sizes within 40%; scene brightness +-30%). Textures are drawn per video at every setting.
    /// </summary>
    [Range(0.0, 1.0)]
    public double AppearanceJitter { get; init; } = 0.5;

    /// <summary>
    /// Difficulty knob: the chance that an FG or IBG span also shows a distractor, an actor-like shape of
    /// another colour family drifting in a straight line, a motion no class has. At 1 every content span has
    /// one, and a still frame no longer tells which object is acting.
    /// </summary>
    [Range(0.0, 1.0)]
    public double DistractorShare { get; init; } = 0.3;

    /// <summary>
    /// The chance that a video is filmed in its class's home scene; otherwise in one of the other scenes,
    /// uniformly. Lower values make the scene a weaker cue for the class.
    /// </summary>
    [Range(0.0, 1.0)]
    public double HomeSceneShare { get; init; } = 0.6;

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
