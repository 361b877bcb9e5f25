using System.Text;

namespace VideoRecognition.Reports;

/// <summary>
/// One video's page: its facts, the timeline, then a row per segment with the thumbnail, pseudo-label,
/// self-weight, top classes and the ground truth. Timeline blocks link to their segment's row.
/// </summary>
internal static class VideoPage
{
    public static string Html(VideoInspection video, ReportLayout layout, IReadOnlySet<int> thumbnails, VideoInspection? previous, VideoInspection? next)
    {
        var html = new StringBuilder(ReportStyle.Head($"{video.Id} - segment inspection"));
        html.Append("<div class=\"nav\"><a href=\"../index.html\">&larr; all videos</a>");
        if (previous is not null)
        {
            html.Append($"<a href=\"../{HtmlText.Escape(layout.VideoPage(previous.Id))}\">&lsaquo; previous</a>");
        }

        if (next is not null)
        {
            html.Append($"<a href=\"../{HtmlText.Escape(layout.VideoPage(next.Id))}\">next &rsaquo;</a>");
        }

        html.Append("</div>\n");
        html.Append($"<h1>{HtmlText.Escape(video.Id)}</h1>\n");
        html.Append(Facts(video));
        html.Append("<h2>Timeline</h2>\n<div class=\"panel\">\n");
        html.Append(Timeline.Full(video));
        html.Append(ReportStyle.Legend);
        html.Append("</div>\n");
        html.Append(SupportStrip(video, layout));
        html.Append("<h2>Segments</h2>\n");
        html.Append($"<style>{MarkingScript.Css}</style>\n");
        html.Append(MarkingScript.Toolbar(video, layout.Id));
        html.Append(Segments(video, layout, thumbnails));
        html.Append(MarkingScript.Script);
        html.Append(ReportStyle.Tail);
        return html.ToString();
    }

    private static string Facts(VideoInspection video)
    {
        string predicted = video.Answer is not null
            ? $"<span class=\"answer\">model says <b>{HtmlText.Escape(video.Answer)}</b></span>"
            : video.PredictedClass is null
                ? ""
                : $"<span>predicted <b>{HtmlText.Escape(video.PredictedClass)}</b></span>";
        return "<div class=\"facts\">"
            + $"<span>label <b>{HtmlText.Escape(video.Label)}</b></span>{predicted}"
            + $"<span>duration <b>{HtmlText.Seconds(video.Duration)}</b></span>"
            + $"<span><b>{video.Frames}</b> frames at <b>{HtmlText.Fixed(video.Fps)}</b> fps</span>"
            + $"<span><b>{video.Segments.Count}</b> segments</span>"
            + "</div>\n"
            + $"<div class=\"muted\" style=\"word-break:break-all\">{HtmlText.Escape(video.VideoPath)}</div>\n";
    }

    private static string Segments(VideoInspection video, ReportLayout layout, IReadOnlySet<int> thumbnails)
    {
        var html = new StringBuilder();
        html.Append("<table class=\"segments\">\n<thead><tr><th>#</th><th>centre frame</th><th>seconds</th><th>decision</th>"
            + "<th>self-weight</th><th>top classes</th><th>ground truth</th><th>your mark</th></tr></thead>\n<tbody>\n");
        foreach (SegmentInspection s in video.Segments)
        {
            string given = s.Mark is null ? "" : $" data-given-mark=\"{HtmlText.Escape(s.Mark)}\"" + (s.MarkClass is null ? "" : $" data-given-class=\"{HtmlText.Escape(s.MarkClass)}\"");
            html.Append($"<tr id=\"seg-{s.Index}\" class=\"segment\" data-pseudo-label=\"{HtmlText.Escape(s.PseudoLabel)}\" data-index=\"{s.Index}\"{(s.Suggested ? " data-suggested=\"true\"" : "")} "
                + $"data-start=\"{HtmlText.Fixed(s.Start, 3)}\" data-end=\"{HtmlText.Fixed(s.End, 3)}\"{given}>");
            html.Append($"<td class=\"num\">{s.Index}</td>");
            html.Append("<td>").Append(Thumbnail(video, s, layout, thumbnails)).Append("</td>");
            html.Append($"<td class=\"num\">{HtmlText.Fixed(s.Start)}&ndash;{HtmlText.Fixed(s.End)}<br><span class=\"muted\">frame {s.CentreFrame}</span></td>");
            html.Append($"<td>{SegmentKind.Badge(s.PseudoLabel)}</td>");
            html.Append($"<td class=\"num\">{Bar(s.Weight)}{HtmlText.Fixed(s.Weight)}</td>");
            html.Append("<td>").Append(TopClasses(video, s)).Append("</td>");
            html.Append("<td>").Append(Truth(s)).Append("</td>");
            html.Append(MarkingScript.Cell(video, s));
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return html.ToString();
    }

    private static string SupportStrip(VideoInspection video, ReportLayout layout)
    {
        if (video.Support.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder("<h2>Support videos</h2>\n<div class=\"panel support\">");
        foreach (SupportThumbnail support in video.Support)
        {
            html.Append($"<figure class=\"support-video\" style=\"display:inline-block;margin:4px\" data-class=\"{HtmlText.Escape(support.Class)}\">")
                .Append(HtmlText.Image(layout.SupportThumbnail(support.Id), $"support video {support.Id}", "thumb"))
                .Append($"<figcaption><b>{HtmlText.Escape(support.Class)}</b><br><span class=\"muted\">{HtmlText.Escape(support.Id)}</span></figcaption></figure>");
        }

        return html.Append("</div>\n").ToString();
    }

    private static string Thumbnail(VideoInspection video, SegmentInspection s, ReportLayout layout, IReadOnlySet<int> thumbnails) =>
        thumbnails.Contains(s.Index)
            ? HtmlText.Image(layout.Thumbnail(video.Id, s.Index), $"segment {s.Index}, frame {s.CentreFrame}", "thumb")
            : "<div class=\"nothumb k-unknown\">no frame</div>";

    private static string TopClasses(VideoInspection video, SegmentInspection s)
    {
        var html = new StringBuilder("<ul class=\"classes\">");
        foreach (ClassProbability c in s.TopClasses)
        {
            // The video's own label stands out: FG segments should rank it first, IBG segments should not.
            string css = c.Class == video.Label ? "name label" : "name";
            html.Append($"<li><span class=\"{css}\">{HtmlText.Escape(c.Class)}</span>{Bar(c.Probability)}<span class=\"p\">{HtmlText.Percent(c.Probability)}</span></li>");
        }

        if (s.BackgroundProbability is { } background)
        {
            html.Append($"<li class=\"muted\"><span class=\"name\">background</span>{Bar(background)}<span class=\"p\">{HtmlText.Percent(background)}</span></li>");
        }

        return html.Append("</ul>").ToString();
    }

    private static string Truth(SegmentInspection s)
    {
        if (s.TruthKind is null)
        {
            return "<span class=\"muted\">unknown</span>";
        }

        string agreement = SegmentKind.Agrees(s.PseudoLabel, s.TruthKind) switch
        {
            true => "<span class=\"agree yes\" title=\"pseudo-label agrees\">&#10003; agrees</span>",
            false => "<span class=\"agree no\" title=\"pseudo-label differs\">&#10007; differs</span>",
            null => "",
        };
        string visible = s.TruthClass is null ? "" : $"<br><span class=\"muted\">shows</span> {HtmlText.Escape(s.TruthClass)}";
        return SegmentKind.Badge(s.TruthKind) + agreement + visible;
    }

    private static string Bar(double fraction) =>
        $"<span class=\"bar\"><span style=\"width:{HtmlText.CssPercent(fraction)}\"></span></span>";
}
