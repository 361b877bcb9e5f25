using System.Text;
using VideoRecognition.Training;

namespace VideoRecognition.Reports;

/// <summary>
/// The person-in-the-loop part of a video page: every segment row has FG / IBG / NBG buttons (and, for FG, the
/// class), a click marks the segment (a second click on the same kind removes the mark), and "Save corrections"
/// downloads corrections.json with every mark made in this report, on any of its pages. Marks live in the
/// browser's localStorage under the report's id, so nothing needs a server; a page opened with marks from a
/// corrections file (`vrec inspect --corrections`) starts from those.
/// </summary>
internal static class MarkingScript
{
    public const string Format = "vrec-corrections";

    public static string Toolbar(VideoInspection video, string reportId) =>
        $"<div id=\"marking\" class=\"panel\" data-report=\"{HtmlText.Escape(reportId)}\" data-video=\"{HtmlText.Escape(video.Id)}\" data-segments=\"{video.Segments.Count}\">"
        + "<b>Your marks</b> <span class=\"muted\">click FG, IBG or NBG on a segment below (again to remove); they are kept for every page of this report</span><br>"
        + "<span id=\"mark-count\">0</span> marked segments in this report "
        + "<button id=\"save-marks\" type=\"button\">Save corrections</button> <button id=\"clear-marks\" type=\"button\">Clear all marks</button>"
        + " <span class=\"muted\">saves corrections.json for <code>vrec train --corrections</code></span></div>\n";

    public static string Cell(VideoInspection video, SegmentInspection s)
    {
        var html = new StringBuilder("<td class=\"marks\">");
        if (s.Suggested)
        {
            html.Append($"<span class=\"suggested\" title=\"among the report's {HtmlText.Percent(MarkSuggestions.ReportShare, 0)} of segments the model is least sure of (label margin {HtmlText.Fixed(s.Margin ?? double.NaN, 3)})\">&#9733; mark this first</span><br>");
        }

        foreach (string kind in new[] { "FG", "IBG", "NBG" })
        {
            html.Append($"<button type=\"button\" class=\"mark {SegmentKind.CssClass(kind)}-mark\" data-kind=\"{kind}\">{kind}</button>");
        }

        html.Append("<br><select class=\"mark-class\" title=\"the class of an FG mark\">");
        foreach (string c in video.MarkClasses.Distinct(StringComparer.Ordinal))
        {
            html.Append($"<option value=\"{HtmlText.Escape(c)}\">{HtmlText.Escape(c)}</option>");
        }

        html.Append("</select>");
        if (s.Mark is not null)
        {
            html.Append($"<br><span class=\"muted\">marked in the corrections file:</span> {SegmentKind.Badge(s.Mark)}{(s.MarkClass is null ? "" : " " + HtmlText.Escape(s.MarkClass))}");
        }

        return html.Append("</td>").ToString();
    }

    public const string Css = """
        .marks .suggested { font-size: 11px; font-weight: 600; color: #b45309; }
        .marks button.mark { font-size: 11px; padding: 2px 6px; margin: 1px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
        .marks button.mark.on { outline: 2px solid #111827; font-weight: 700; }
        .marks button.k-fg-mark.on { background: #bbf7d0; } .marks button.k-ibg-mark.on { background: #fde68a; } .marks button.k-nbg-mark.on { background: #cbd5e1; }
        .marks select { max-width: 150px; font-size: 11px; }
        tr.segment[data-mark]:not([data-mark=""]) td:first-child { box-shadow: inset 4px 0 0 #111827; }
        """;

    public const string Script = """
        <script>
        (function () {
          var bar = document.getElementById('marking');
          if (!bar) return;
          var key = 'vrec-marks:' + bar.dataset.report, video = bar.dataset.video, segments = +bar.dataset.segments;
          function load() { try { return JSON.parse(localStorage.getItem(key) || '{}'); } catch (e) { return {}; } }
          function store(m) { try { localStorage.setItem(key, JSON.stringify(m)); } catch (e) { } }
          var marks = load();
          var rows = Array.prototype.slice.call(document.querySelectorAll('tr.segment'));
          function id(row) { return video + '\u0000' + row.dataset.index; }
          if (!rows.some(function (r) { return marks[id(r)]; })) {
            rows.forEach(function (r) { if (r.dataset.givenMark) marks[id(r)] = mark(r, r.dataset.givenMark, r.dataset.givenClass || null); });
            store(marks);
          }
          function mark(row, kind, cls) {
            return { video: video, segment: +row.dataset.index, segments: segments, start: +row.dataset.start, end: +row.dataset.end,
                     kind: kind, 'class': kind === 'FG' ? (cls || row.querySelector('select.mark-class').value || null) : null };
          }
          function render() {
            rows.forEach(function (r) {
              var m = marks[id(r)];
              r.dataset.mark = m ? m.kind : '';
              r.querySelectorAll('button.mark').forEach(function (b) { b.classList.toggle('on', !!m && b.dataset.kind === m.kind); });
              var select = r.querySelector('select.mark-class');
              if (m && m['class'] && select) select.value = m['class'];
            });
            document.getElementById('mark-count').textContent = Object.keys(marks).length;
          }
          rows.forEach(function (r) {
            r.querySelectorAll('button.mark').forEach(function (b) {
              b.addEventListener('click', function () {
                marks = load();
                var m = marks[id(r)];
                if (m && m.kind === b.dataset.kind) delete marks[id(r)]; else marks[id(r)] = mark(r, b.dataset.kind, null);
                store(marks); render();
              });
            });
            var select = r.querySelector('select.mark-class');
            if (select) select.addEventListener('change', function () {
              marks = load();
              var m = marks[id(r)];
              if (m && m.kind === 'FG') { m['class'] = select.value; store(marks); }
              render();
            });
          });
          document.getElementById('clear-marks').addEventListener('click', function () { marks = {}; store(marks); render(); });
          document.getElementById('save-marks').addEventListener('click', function () {
            marks = load();
            var list = Object.keys(marks).map(function (k) { return marks[k]; }).sort(function (a, b) {
              return a.video < b.video ? -1 : a.video > b.video ? 1 : a.segment - b.segment; });
            var text = JSON.stringify({ format: 'vrec-corrections', version: 1, marks: list }, null, 1);
            var link = document.createElement('a');
            link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
            link.download = 'corrections.json';
            document.body.appendChild(link); link.click(); link.remove();
          });
          render();
        })();
        </script>
        """;
}
