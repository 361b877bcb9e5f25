namespace VideoRecognition.Video;

/// <summary>
/// Result of checking CAP_PROP_POS_FRAMES seeks against a sequential pass: after seeking to a few frames
/// (forwards, back to the start, back to the middle) the frame read must be bit-identical to the
/// sequentially decoded frame of that index.
/// </summary>
/// <param name="Exact">Every checked seek returned exactly the wanted frame.</param>
/// <param name="Checked">Frame indices that were sought, in the order tried.</param>
/// <param name="Offsets">Per checked index: which frame came back minus the index wanted (0 = right), or null when the read failed or matched no nearby frame.</param>
/// <param name="Detail">One line for humans: what went wrong, or "exact".</param>
public sealed record SeekCheck(bool Exact, IReadOnlyList<int> Checked, IReadOnlyList<int?> Offsets, string Detail)
{
    public static SeekCheck NotTried { get; } = new(false, [], [], "not tried");
}
