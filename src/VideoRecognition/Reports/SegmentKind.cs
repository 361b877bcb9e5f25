namespace VideoRecognition.Reports;

/// <summary>
/// The report's reading of a pseudo-label or ground-truth kind: the CSS class that colours it and the text it
/// shows. FG, IBG and NBG get fixed colours everywhere (timeline, badges, legend) so they read at a glance;
/// anything else (unlabelled, a kind this report does not know) is drawn neutral with its own text.
/// </summary>
internal static class SegmentKind
{
    public static string CssClass(string? kind) => Normalise(kind) switch
    {
        "FG" => "k-fg",
        "IBG" => "k-ibg",
        "NBG" => "k-nbg",
        null => "k-unknown",
        _ => "k-other",
    };

    /// <summary>Upper-cased known kinds; other text unchanged; null for an unknown (missing) kind.</summary>
    public static string? Normalise(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return null;
        }

        string upper = kind.Trim().ToUpperInvariant();
        return upper is "FG" or "IBG" or "NBG" ? upper : kind.Trim();
    }

    public static string Badge(string? kind) =>
        $"<span class=\"badge {CssClass(kind)}\">{HtmlText.Escape(Normalise(kind) ?? "unknown")}</span>";

    /// <summary>Whether the model's pseudo-label and the ground truth are comparable and equal; null when either is not FG/IBG/NBG.</summary>
    public static bool? Agrees(string? pseudoLabel, string? truth)
    {
        string? p = Normalise(pseudoLabel);
        string? t = Normalise(truth);
        return p is "FG" or "IBG" or "NBG" && t is "FG" or "IBG" or "NBG" ? p == t : null;
    }
}
