namespace VideoRecognition.Reports;

/// <summary>
/// The report's stylesheet, inlined into every page: pages open from file:// anywhere (copied, mailed,
/// archived) with nothing else to fetch. FG/IBG/NBG colours are the same on the timelines and the badges.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --fg:#16a34a; --ibg:#f59e0b; --nbg:#6b7280; --other:#cbd5e1; --ink:#1e293b; --muted:#64748b; --line:#e2e8f0; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); margin: 0; background: #f8fafc; font-size: 14px; }
        main { max-width: 1240px; margin: 0 auto; padding: 20px 24px 48px; }
        h1 { font-size: 22px; margin: 4px 0 6px; word-break: break-all; }
        h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        a { color: #1d4ed8; text-decoration: none; }
        a:hover { text-decoration: underline; }
        .muted { color: var(--muted); }
        .nav { font-size: 13px; margin-bottom: 8px; }
        .nav a { margin-right: 14px; }
        .facts { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 6px 0 4px; }
        .facts span b { font-weight: 600; }
        .panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
        .legend { display: flex; gap: 14px; align-items: center; font-size: 12px; color: var(--muted); margin: 8px 0 0; flex-wrap: wrap; }
        .legend .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -2px; margin-right: 4px; }
        .k-fg { background: var(--fg); color: #fff; }
        .k-ibg { background: var(--ibg); color: #1e293b; }
        .k-nbg { background: var(--nbg); color: #fff; }
        .k-other { background: var(--other); color: #1e293b; }
        .k-unknown { background: repeating-linear-gradient(45deg, #f1f5f9 0 4px, #e2e8f0 4px 8px); color: var(--muted); }
        .badge { display: inline-block; min-width: 40px; text-align: center; padding: 2px 7px; border-radius: 10px; font-size: 12px; font-weight: 600; }
        .timeline { margin-top: 4px; }
        .tl-row { display: flex; align-items: center; margin: 3px 0; }
        .tl-name { width: 140px; flex: none; font-size: 12px; color: var(--muted); text-align: right; padding-right: 10px; }
        .tl-track { position: relative; flex: 1; height: 26px; background: #f1f5f9; border-radius: 3px; }
        .tl-empty { font-size: 12px; color: var(--muted); padding: 5px 8px; }
        .tl-track .seg { position: absolute; top: 0; bottom: 0; border-right: 1px solid #fff; overflow: hidden; white-space: nowrap;
          font-size: 11px; line-height: 26px; text-align: center; text-decoration: none; }
        .tl-track .seg:hover { outline: 2px solid var(--ink); z-index: 1; }
        .tl-axis .tl-track { background: none; height: 18px; border-top: 1px solid #94a3b8; border-radius: 0; }
        .tick { position: absolute; top: 0; white-space: nowrap; font-size: 11px; color: var(--muted); transform: translateX(-50%); padding-top: 3px; }
        .tick::before { content: ""; position: absolute; left: 50%; top: -1px; height: 4px; border-left: 1px solid #94a3b8; }
        .tick.first { transform: none; }
        .tick.first::before { left: 0; }
        .tick.last { transform: translateX(-100%); }
        .tick.last::before { left: 100%; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: middle; }
        th { font-size: 12px; color: var(--muted); font-weight: 600; background: #f8fafc; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.setting { vertical-align: top; min-width: 220px; }
        .segments td { vertical-align: top; }
        .segments tr:target { background: #fef9c3; }
        img.missing { outline: 2px dashed #dc2626; min-height: 40px; }
        .thumb { width: 160px; display: block; border-radius: 3px; background: #e2e8f0; }
        .nothumb { width: 160px; height: 90px; display: flex; align-items: center; justify-content: center; font-size: 12px; border-radius: 3px; }
        .bar { display: inline-block; width: 90px; height: 8px; background: #e2e8f0; border-radius: 4px; vertical-align: middle; margin-right: 6px; overflow: hidden; }
        .bar > span { display: block; height: 100%; background: #2563eb; }
        .classes { list-style: none; margin: 0; padding: 0; max-width: 380px; }
        .classes li { display: flex; align-items: center; gap: 6px; margin: 1px 0; font-size: 13px; }
        .classes .name { flex: 1; min-width: 0; overflow-wrap: anywhere; }
        .classes .label { font-weight: 700; }
        .classes .p { width: 52px; text-align: right; font-variant-numeric: tabular-nums; }
        .classes .bar { width: 70px; margin: 0; }
        .agree { font-size: 12px; margin-left: 4px; }
        .agree.yes { color: var(--fg); }
        .agree.no { color: #dc2626; }
        .mini { display: block; width: 100%; min-width: 260px; text-decoration: none; }
        .mini-track { position: relative; display: block; height: 12px; background: #f1f5f9; }
        .mini-truth { height: 7px; margin-top: 2px; opacity: 0.85; }
        .mini-track .seg { position: absolute; top: 0; bottom: 0; border-right: 1px solid #fff; }
        .videos td.id { overflow-wrap: anywhere; min-width: 150px; max-width: 260px; }
        .videos img { width: 96px; display: block; border-radius: 3px; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 14px; }
        .figures figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
        .figures img { width: 100%; display: block; }
        """;

    public static string Legend => """
        <div class="legend"><span><span class="swatch k-fg"></span>FG: the labelled action</span><span><span class="swatch k-ibg"></span>IBG: informative background</span><span><span class="swatch k-nbg"></span>NBG: non-informative background</span><span><span class="swatch k-unknown"></span>unknown</span><span><span class="swatch" style="background:rgba(37,99,235,0.9)"></span>self-weight (darker = higher)</span></div>
        """;

    // The empty data: icon stops browsers asking file:// for a favicon.ico that is not there.
    /// <summary>The opening of every page up to and including &lt;main&gt;; <paramref name="title"/> is escaped here.</summary>
    public static string Head(string title) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n"
        + $"<title>{HtmlText.Escape(title)}</title>\n<style>\n{Css}\n</style>\n</head>\n<body>\n<main>\n";

    public const string Tail = "</main>\n</body>\n</html>\n";
}
