namespace VideoRecognition.Datasets.Synthetic;

/// <summary>The outline of an actor. Several classes share each shape; only shape, colour and motion together name a class.</summary>
public enum ActorShape
{
    Circle,
    Square,
    Triangle,
    Star,
    Ring,
    Cross,
    Diamond,
    Hexagon,
}

/// <summary>
/// A pattern drawn inside the actor in a darker tone; it turns with the actor, so spinning shows. Drawn
/// per video, not per class: it is a nuisance, not a cue.
/// </summary>
public enum ActorTexture
{
    Solid,
    Striped,
    Dotted,
    Outlined,
}

/// <summary>How an actor moves. Classes with the same look differ in motion, so a still frame can leave the class open.</summary>
public enum ActorMotion
{
    Bouncing,
    Orbiting,
    Zigzagging,
    Pulsing,
    Spinning,
    Sliding,
    Swinging,
    Shaking,
}
