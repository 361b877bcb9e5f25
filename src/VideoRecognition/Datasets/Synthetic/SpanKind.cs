namespace VideoRecognition.Datasets.Synthetic;

/// <summary>The three kinds of segment the method distinguishes.</summary>
public enum SpanKind
{
    /// <summary>Foreground: the labelled action is happening.</summary>
    FG,

    /// <summary>Informative background: meaningful content that is not the labelled action.</summary>
    IBG,

    /// <summary>Non-informative background: nothing useful to see.</summary>
    NBG,
}

/// <summary>
/// What a span's frames show. Action is FG only; Scene and OtherAction are IBG (in the video's scene); the
/// rest are NBG (<see cref="NbgShot.Kinds"/>), none of which shows an actor.
/// </summary>
public enum SpanContent
{
    Action,
    Scene,
    OtherAction,

    /// <summary>Near-black frames.</summary>
    Black,

    /// <summary>Grey static.</summary>
    Noise,

    /// <summary>A random place, heavily out of focus.</summary>
    Blur,

    /// <summary>A random place fading to or from black or white.</summary>
    Fade,

    /// <summary>Text over a scene, landscape or textured backdrop.</summary>
    TitleCard,

    /// <summary>A non-class emblem over a varied backdrop.</summary>
    Logo,

    /// <summary>A panned place with muted clutter drifting through, and no actor.</summary>
    UnrelatedFootage,

    /// <summary>Large random jumps over a place, smeared by motion blur.</summary>
    CameraShake,
}
