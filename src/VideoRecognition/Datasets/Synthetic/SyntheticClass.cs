namespace VideoRecognition.Datasets.Synthetic;

/// <summary>One action class of the synthetic benchmark: its actor's shape, colour family and motion, and where it is usually performed.</summary>
/// <remarks>
/// Index: Position in the class catalogue (classes.json); videos refer to classes by it.
/// Name: Plain words, unique, e.g. "Orange star spinning".
/// HomeScene: The scene most of its videos are filmed in (synth.home_scene_share); other classes share it.
/// </remarks>
public sealed record SyntheticClass(
    int Index,
    string Name,
    ActorShape Shape,
    ActorColour Colour,
    ActorMotion Motion,
    Scene HomeScene,
    SplitPart Part);
