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

/// <summary>What a span's frames show. Action is FG only; Scene and OtherAction are IBG; the rest are NBG.</summary>
public enum SpanContent
{
    Action,
    Scene,
    OtherAction,
    Black,
    Grey,
    Noise,
    Blur,
    TitleCard,
    Fade,
}
