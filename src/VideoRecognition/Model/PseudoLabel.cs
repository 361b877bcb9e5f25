namespace VideoRecognition.Model;

/// <summary>
/// The open-set pseudo-label of one segment, stored as these values in an int64 tensor. Zero is
/// <see cref="Unlabelled"/> so a freshly zeroed tensor means "no label yet".
/// </summary>
public enum PseudoLabel : long
{
    /// <summary>In no set: segments neither NBG nor FG that ibg_mode confident_other does not call IBG.</summary>
    Unlabelled = 0,

    /// <summary>Foreground: the labelled action happens here.</summary>
    Fg = 1,

    /// <summary>Informative background: meaningful content that is not the labelled action.</summary>
    Ibg = 2,

    /// <summary>Non-informative background: blank, noise, title cards, transitions; trained towards the background class.</summary>
    Nbg = 3,
}
