namespace VideoRecognition.Datasets.Synthetic;

/// <summary>The outline of an actor; with its colour and texture it makes a class recognisable from one frame.</summary>
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

/// <summary>A pattern drawn inside the actor in a darker tone; it turns with the actor, so spinning shows.</summary>
public enum ActorTexture
{
    Solid,
    Striped,
    Dotted,
    Outlined,
}

/// <summary>How an actor moves; it makes a class recognisable from motion as well as from appearance.</summary>
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
