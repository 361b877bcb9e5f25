namespace VideoRecognition.Reports;

/// <summary>
/// Where every file of a report lives, relative to its folder. Video ids become file names, so they are made
/// safe (letters, digits, '.', '-', '_') and unique; the original id is shown on the page, escaped.
/// </summary>
internal sealed class ReportLayout
{
    public const string IndexFile = "index.html";
    public const string VideoFolder = "videos";
    public const string ThumbnailFolder = "thumbs";
    public const string PlotFolder = "plots";

    private readonly Dictionary<string, string> slugs = new(StringComparer.Ordinal);

    public ReportLayout(string folder, IEnumerable<string> videoIds)
    {
        Folder = Path.GetFullPath(folder);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string id in videoIds)
        {
            if (slugs.ContainsKey(id))
            {
                throw new ArgumentException($"video id '{id}' appears twice in the inspection list", nameof(videoIds));
            }

            string slug = Slug(id);
            string unique = slug;
            for (int n = 2; !taken.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }

            slugs[id] = unique;
        }
    }

    public string Folder { get; }

    public string IndexPath => Path.Combine(Folder, IndexFile);

    /// <summary>Tells this report's marks apart from another's in the browser's storage: a digest of its folder.</summary>
    public string Id => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Folder)))[..16];

    /// <summary>A support video's thumbnail, relative to the video pages' folder.</summary>
    public string SupportThumbnail(string id) => $"{ThumbnailFolder}/support/{Slug(id)}.jpg";

    /// <summary>The video page, relative to the report folder (for links from the index).</summary>
    public string VideoPage(string id) => $"{VideoFolder}/{slugs[id]}.html";

    /// <summary>A segment thumbnail, relative to the video pages' folder.</summary>
    public string Thumbnail(string id, int segment) => $"{ThumbnailFolder}/{slugs[id]}/{segment:D4}.jpg";

    /// <summary>A segment thumbnail, relative to the report folder (for the index).</summary>
    public string ThumbnailFromIndex(string id, int segment) => $"{VideoFolder}/{Thumbnail(id, segment)}";

    public string Full(string relativeToReport) => Path.Combine(Folder, relativeToReport.Replace('/', Path.DirectorySeparatorChar));

    private static string Slug(string id)
    {
        var chars = id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        string slug = new string(chars).Trim('.');
        if (slug.Length == 0)
        {
            slug = "video";
        }

        return slug.Length > 80 ? slug[..80] : slug;
    }
}
