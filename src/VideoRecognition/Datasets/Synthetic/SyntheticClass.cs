namespace VideoRecognition.Datasets.Synthetic;

/// <summary>One action class of the synthetic benchmark: how its actor looks, how it moves, where it is performed.</summary>
/// <remarks>
/// Index: Position in the class catalogue (classes.json); videos refer to classes by it.
/// Name: Plain words, unique, e.g. "Orange star spinning".
/// </remarks>
public sealed record SyntheticClass(
    int Index,
    string Name,
    ActorShape Shape,
    ActorColour Colour,
    ActorTexture Texture,
    ActorMotion Motion,
    Scene Scene,
    SplitPart Part);
