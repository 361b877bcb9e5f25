namespace VideoRecognition.Model;

/// <summary>Which segments become IBG once NBG and FG are chosen (config key `model.ibg_mode`).</summary>
public enum IbgMode
{
    /// <summary>Every segment that is neither NBG nor FG.</summary>
    Rest,

    /// <summary>
    /// Only the remaining segments confident about a base class other than the video's label
    /// (max_{c != y} p_c at least ibg_threshold): other actions seen in the video. The others stay
    /// <see cref="PseudoLabel.Unlabelled"/>. The default: "rest" is mostly segments the model is unsure of.
    /// </summary>
    ConfidentOther,
}
