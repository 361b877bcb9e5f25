using System.Text;

namespace VideoRecognition.Reports;

/// <summary>
/// A video's segments drawn to scale over [0, duration] as rows of coloured blocks: the model's pseudo-label,
/// the self-weight as intensity, and the ground truth. Plain positioned HTML (no script, no SVG) so it renders
/// from file:// and every block can link to its segment's row and carry a tooltip with its seconds.
/// </summary>
internal static class Timeline
{
    /// <summary>The full timeline of a video page, with row names and a seconds axis.</summary>
    public static string Full(VideoInspection video)
    {
        double duration = Duration(video);
        var html = new StringBuilder();
        html.Append($"<div class=\"timeline\" data-duration=\"{HtmlText.Fixed(duration, 3)}\">\n");
        Row(html, "model decision", video, s => PseudoLabelBlock(s, duration));
        Row(html, "self-weight", video, s => WeightBlock(s, duration));
        if (video.Segments.Any(s => s.TruthKind is not null))
        {
            Row(html, "ground truth", video, s => TruthBlock(s, duration));
        }
        else
        {
            html.Append("<div class=\"tl-row\"><div class=\"tl-name\">ground truth</div><div class=\"tl-track tl-empty\">not known for this video</div></div>\n");
        }

        Axis(html, duration);
        html.Append("</div>\n");
        return html.ToString();
    }

    /// <summary>The index's one-glance strip: pseudo-labels above, ground truth (where known) below.</summary>
    public static string Mini(VideoInspection video, string pageLink)
    {
        double duration = Duration(video);
        var html = new StringBuilder();
        html.Append($"<a class=\"mini\" href=\"{HtmlText.Escape(pageLink)}\" title=\"model decisions above, ground truth below\" data-duration=\"{HtmlText.Fixed(duration, 3)}\">");
        html.Append("<span class=\"mini-track\">");
        foreach (SegmentInspection s in video.Segments)
        {
            html.Append(Block(s, duration, SegmentKind.CssClass(s.PseudoLabel), null, Tip(s, "decision " + s.PseudoLabel), null));
        }

        html.Append("</span>");
        if (video.Segments.Any(s => s.TruthKind is not null))
        {
            html.Append("<span class=\"mini-track mini-truth\">");
            foreach (SegmentInspection s in video.Segments)
            {
                html.Append(Block(s, duration, SegmentKind.CssClass(s.TruthKind), null, Tip(s, "truth " + (s.TruthKind ?? "unknown")), null));
            }

            html.Append("</span>");
        }

        html.Append("</a>");
        return html.ToString();
    }

    /// <summary>The span the timeline covers: the video's duration, stretched if a segment claims to end later.</summary>
    public static double Duration(VideoInspection video)
    {
        double end = video.Segments.Count == 0 ? 0.0 : video.Segments.Max(s => s.End);
        double duration = Math.Max(video.Duration, end);
        return duration > 0 ? duration : 1.0;
    }

    /// <summary>Tick positions in seconds (<see cref="TimeAxis.Ticks"/>).</summary>
    public static IReadOnlyList<double> Ticks(double duration) => TimeAxis.Ticks(duration);

    private static void Row(StringBuilder html, string name, VideoInspection video, Func<SegmentInspection, string> block)
    {
        html.Append($"<div class=\"tl-row\"><div class=\"tl-name\">{HtmlText.Escape(name)}</div><div class=\"tl-track\">");
        foreach (SegmentInspection s in video.Segments)
        {
            html.Append(block(s));
        }

        html.Append("</div></div>\n");
    }

    private static void Axis(StringBuilder html, double duration)
    {
        string name = TimeAxis.Step(duration) >= 60 ? (duration >= 3600 ? "h:mm:ss" : "m:ss") : "seconds";
        html.Append($"<div class=\"tl-row tl-axis\"><div class=\"tl-name\">{name}</div><div class=\"tl-track\">");
        IReadOnlyList<double> ticks = TimeAxis.Ticks(duration);
        IReadOnlyList<string> labels = TimeAxis.Labels(duration);
        for (int i = 0; i < ticks.Count; i++)
        {
            string edge = i == 0 ? " first" : i == ticks.Count - 1 ? " last" : "";
            html.Append($"<span class=\"tick{edge}\" data-seconds=\"{HtmlText.Fixed(ticks[i], 3)}\" style=\"left:{HtmlText.CssPercent(ticks[i] / duration)}\">{HtmlText.Escape(labels[i])}</span>");
        }

        html.Append("</div></div>\n");
    }

    private static string PseudoLabelBlock(SegmentInspection s, double duration) =>
        Link(s, duration, SegmentKind.CssClass(s.PseudoLabel), null, Tip(s, "decision " + s.PseudoLabel), SegmentKind.Normalise(s.PseudoLabel));

    private static string WeightBlock(SegmentInspection s, double duration)
    {
        // Intensity rather than height: a row of equal-height blocks lines up with the rows above it.
        double w = Math.Clamp(s.Weight, 0.0, 1.0);
        string style = $"background:rgba(37,99,235,{HtmlText.Fixed(0.08 + 0.92 * w, 3)});color:{(w > 0.55 ? "#fff" : "#1e293b")}";
        return Link(s, duration, "w", style, Tip(s, "self-weight " + HtmlText.Fixed(s.Weight)), HtmlText.Fixed(s.Weight));
    }

    private static string TruthBlock(SegmentInspection s, double duration)
    {
        string tip = "truth " + (s.TruthKind ?? "unknown") + (s.TruthClass is null ? "" : " (" + s.TruthClass + ")");
        return Link(s, duration, SegmentKind.CssClass(s.TruthKind), null, Tip(s, tip), SegmentKind.Normalise(s.TruthKind) ?? "?");
    }

    private static string Tip(SegmentInspection s, string what) =>
        $"#{s.Index} {HtmlText.Fixed(s.Start)}-{HtmlText.Fixed(s.End)} s: {what}";

    private static string Link(SegmentInspection s, double duration, string css, string? style, string tip, string? text) =>
        $"<a class=\"seg {css}\" href=\"#seg-{s.Index}\" style=\"{Position(s, duration)}{(style is null ? "" : ";" + style)}\" title=\"{HtmlText.Escape(tip)}\">{HtmlText.Escape(text)}</a>";

    private static string Block(SegmentInspection s, double duration, string css, string? style, string tip, string? text) =>
        $"<span class=\"seg {css}\" style=\"{Position(s, duration)}{(style is null ? "" : ";" + style)}\" title=\"{HtmlText.Escape(tip)}\">{HtmlText.Escape(text)}</span>";

    private static string Position(SegmentInspection s, double duration)
    {
        double start = Math.Clamp(s.Start / duration, 0.0, 1.0);
        double end = Math.Clamp(s.End / duration, start, 1.0);
        return $"left:{HtmlText.CssPercent(start)};width:{HtmlText.CssPercent(end - start)}";
    }
}
