using System.Text;

namespace VideoRecognition.Reports;

/// <summary>
/// The few-shot results as one table: a row per model per setting (1-shot and 5-shot results side by side
/// when both were given), mean accuracy with its 95% interval, and localisation where it was measured.
/// </summary>
internal static class EvaluationTable
{
    public static string Html(IReadOnlyList<EvaluationSetting> settings)
    {
        if (settings.Count == 0)
        {
            return "<p class=\"muted\">No few-shot evaluation was given.</p>\n";
        }

        var html = new StringBuilder();
        html.Append("<table class=\"eval\">\n<thead><tr><th>setting</th><th>model</th><th class=\"num\">accuracy (95% CI)</th>"
            + "<th>interval</th><th class=\"num\">mean tIoU</th><th class=\"num\">mAP@0.5</th></tr></thead>\n<tbody>\n");
        foreach (EvaluationSetting setting in settings.OrderBy(s => s.Split, StringComparer.Ordinal).ThenBy(s => s.Way).ThenBy(s => s.Shot))
        {
            string name = $"{setting.Way}-way {setting.Shot}-shot";
            string detail = $"{setting.Split} split, {setting.Query} queries/class, {setting.Episodes} episodes, {setting.Classifier}, seed {setting.Seed}";
            for (int i = 0; i < setting.Models.Count; i++)
            {
                EvaluatedModel model = setting.Models[i];
                html.Append("<tr>");
                if (i == 0)
                {
                    html.Append($"<td rowspan=\"{setting.Models.Count}\" class=\"setting\"><b>{HtmlText.Escape(name)}</b><br><span class=\"muted\">{HtmlText.Escape(detail)}</span></td>");
                }

                html.Append($"<td>{HtmlText.Escape(model.Model)}</td>");
                html.Append($"<td class=\"num\"><b>{HtmlText.Percent(model.MeanAccuracy, 2)}</b> &plusmn; {HtmlText.Percent(model.HalfWidth, 2)}</td>");
                html.Append($"<td>{HtmlText.Escape(model.IntervalMethod)}</td>");
                html.Append($"<td class=\"num\">{Optional(model.MeanTemporalIoU)}</td>");
                html.Append($"<td class=\"num\">{Optional(model.MeanAveragePrecision)}</td>");
                html.Append("</tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n");
        return html.ToString();
    }

    private static string Optional(double? value) => value is { } v ? HtmlText.Fixed(v, 3) : "<span class=\"muted\">&ndash;</span>";
}
