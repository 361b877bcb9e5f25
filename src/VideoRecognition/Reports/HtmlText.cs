using System.Globalization;
using System.Net;

namespace VideoRecognition.Reports;

/// <summary>
/// Text and numbers as they go into the report's HTML. Everything that came from data (ids, class names,
/// paths) passes through <see cref="Escape"/>: class names can contain anything, including markup.
/// Numbers are invariant-culture so a report reads the same on every machine.
/// </summary>
internal static class HtmlText
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Fixed(double value, int decimals = 2) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string Percent(double fraction, int decimals = 1) => Fixed(100.0 * fraction, decimals) + "%";

    /// <summary>A CSS percentage for positions and widths, clamped to the track.</summary>
    public static string CssPercent(double fraction) => Fixed(100.0 * Math.Clamp(fraction, 0.0, 1.0), 3) + "%";

    /// <summary>A duration: seconds below a minute, then m:ss, and h:mm:ss from an hour.</summary>
    public static string Seconds(double seconds) =>
        seconds < 60 ? Fixed(seconds, seconds < 10 ? 2 : 1) + " s" : TimeAxis.Clock(seconds, seconds >= 3600);

    /// <summary>
    /// An image tag. A file that fails to load is marked (class "missing", shown as a dashed box) and reported on the
    /// browser console: a report copied without its thumbnails says so instead of silently showing nothing.
    /// </summary>
    public static string Image(string source, string alt, string? css = null, bool lazy = false) =>
        $"<img{(css is null ? "" : $" class=\"{Escape(css)}\"")} src=\"{Escape(source)}\" alt=\"{Escape(alt)}\"{(lazy ? " loading=\"lazy\"" : "")}"
        + " onerror=\"this.classList.add('missing');console.error('Failed to load resource: ' + this.src)\">";
}
