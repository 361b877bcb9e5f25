namespace VideoRecognition.Model;

/// <summary>Which segments become IBG once FG and NBG are chosen (config key `model.ibg_mode`).</summary>
public enum IbgMode
{
    /// <summary>Every segment that is neither FG nor NBG (the method's default).</summary>
    Rest,

    /// <summary>
    /// Only the k_ibg remaining segments most confident about a base class other than the video's label
    /// (highest max_{c != y} p_c); the others stay <see cref="PseudoLabel.Unlabelled"/>.
    /// </summary>
    ConfidentOther,
}
