using System.Text;

namespace VideoRecognition.Reports;

/// <summary>
/// The report's front page: the evaluation table, the training curves and every video with a mini timeline,
/// a representative thumbnail (its highest-weighted segment) and how often its pseudo-labels match the truth.
/// </summary>
internal static class IndexPage
{
    public static string Html(
        IReadOnlyList<VideoInspection> videos,
        ReportLayout layout,
        IReadOnlyDictionary<string, IReadOnlySet<int>> thumbnails,
        IReadOnlyList<CurveFigure> figures,
        string? trainingLogPath,
        IReadOnlyList<EvaluationSetting> evaluations)
    {
        var html = new StringBuilder(ReportStyle.Head("Segment inspection report"));
        html.Append("<h1>Segment inspection report</h1>\n");
        html.Append($"<div class=\"facts\"><span><b>{videos.Count}</b> videos</span><span><b>{videos.Sum(v => v.Segments.Count)}</b> segments</span>"
            + $"<span><b>{evaluations.Sum(e => e.Models.Count)}</b> evaluated model results</span></div>\n");
        html.Append("<h2>Few-shot evaluation</h2>\n");
        html.Append(EvaluationTable.Html(evaluations));
        html.Append("<h2>Training curves</h2>\n");
        html.Append(Figures(figures, trainingLogPath));
        html.Append("<h2>Videos</h2>\n");
        html.Append(Videos(videos, layout, thumbnails));
        html.Append(ReportStyle.Legend);
        html.Append(ReportStyle.Tail);
        return html.ToString();
    }

    private static string Figures(IReadOnlyList<CurveFigure> figures, string? trainingLogPath)
    {
        if (figures.Count == 0)
        {
            return trainingLogPath is null
                ? "<p class=\"muted\">No training log was given.</p>\n"
                : $"<p class=\"muted\">No epoch summaries in {HtmlText.Escape(trainingLogPath)}.</p>\n";
        }

        var html = new StringBuilder("<div class=\"figures\">\n");
        foreach (CurveFigure figure in figures)
        {
            html.Append($"<figure>{HtmlText.Image(figure.File, figure.Caption)}</figure>\n");
        }

        html.Append("</div>\n");
        if (trainingLogPath is not null)
        {
            html.Append($"<p class=\"muted\">From {HtmlText.Escape(trainingLogPath)}.</p>\n");
        }

        return html.ToString();
    }

    private static string Videos(IReadOnlyList<VideoInspection> videos, ReportLayout layout, IReadOnlyDictionary<string, IReadOnlySet<int>> thumbnails)
    {
        if (videos.Count == 0)
        {
            return "<p class=\"muted\">No videos were inspected.</p>\n";
        }

        var html = new StringBuilder();
        html.Append("<table class=\"videos\">\n<thead><tr><th></th><th>video</th><th>label</th><th>model says</th><th class=\"num\">duration</th>"
            + "<th class=\"num\">FG / IBG / NBG</th><th class=\"num\">agrees with truth</th><th style=\"width:34%\">timeline</th></tr></thead>\n<tbody>\n");
        foreach (VideoInspection video in videos)
        {
            string page = layout.VideoPage(video.Id);
            html.Append($"<tr class=\"video\" data-id=\"{HtmlText.Escape(video.Id)}\">");
            html.Append("<td>").Append(Representative(video, layout, thumbnails[video.Id], page)).Append("</td>");
            html.Append($"<td class=\"id\"><a href=\"{HtmlText.Escape(page)}\">{HtmlText.Escape(video.Id)}</a></td>");
            html.Append($"<td>{HtmlText.Escape(video.Label)}</td>");
            string? answer = video.Answer ?? video.PredictedClass;
            html.Append($"<td class=\"answer\">{(answer is null ? "<span class=\"muted\">&ndash;</span>" : HtmlText.Escape(answer))}</td>");
            html.Append($"<td class=\"num\">{HtmlText.Seconds(video.Duration)}</td>");
            html.Append($"<td class=\"num\">{Count(video, "FG")} / {Count(video, "IBG")} / {Count(video, "NBG")}</td>");
            html.Append($"<td class=\"num\">{Agreement(video)}</td>");
            html.Append("<td>").Append(Timeline.Mini(video, page)).Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return html.ToString();
    }

    private static string Representative(VideoInspection video, ReportLayout layout, IReadOnlySet<int> thumbnails, string page)
    {
        SegmentInspection? best = video.Segments.Where(s => thumbnails.Contains(s.Index)).MaxBy(s => s.Weight);
        return best is null
            ? ""
            : $"<a href=\"{HtmlText.Escape(page)}#seg-{best.Index}\">{HtmlText.Image(layout.ThumbnailFromIndex(video.Id, best.Index), "highest-weighted segment", lazy: true)}</a>";
    }

    private static int Count(VideoInspection video, string kind) => video.Segments.Count(s => SegmentKind.Normalise(s.PseudoLabel) == kind);

    private static string Agreement(VideoInspection video)
    {
        bool[] compared = video.Segments
            .Select(s => SegmentKind.Agrees(s.PseudoLabel, s.TruthKind))
            .Where(a => a is not null)
            .Select(a => a!.Value)
            .ToArray();
        return compared.Length == 0
            ? "<span class=\"muted\">&ndash;</span>"
            : $"{compared.Count(a => a)} of {compared.Length}";
    }
}
