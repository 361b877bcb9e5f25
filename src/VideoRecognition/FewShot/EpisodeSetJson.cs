using System.Text;
using System.Text.Json;
using VideoRecognition.Datasets;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>
/// Reads and writes an episode set as JSON. Byte-stable: the same set always gives the same bytes. Written by
/// hand rather than with an indenting writer so that each episode is one line (10,000 episodes stay a file
/// one can page through and diff) while the whole file is still one JSON document.
/// </summary>
public static class EpisodeSetJson
{
    public const int FormatVersion = 1;

    public static void Write(EpisodeSet set, string path) => AtomicFile.Write(path, stream => Write(set, stream));

    public static void Write(EpisodeSet set, Stream stream)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        text.Write("{\n");
        text.Write($"  \"format_version\": {FormatVersion},\n");
        text.Write($"  \"split\": {Quoted(ClassSplit.PartName(set.Split))},\n");
        text.Write($"  \"way\": {set.Way},\n  \"shot\": {set.Shot},\n  \"query\": {set.Query},\n");
        text.Write($"  \"seed\": {set.Seed.Value},\n");
        text.Write($"  \"episode_count\": {set.Episodes.Count},\n");
        text.Write("  \"episodes\": [\n");
        for (int e = 0; e < set.Episodes.Count; e++)
        {
            Episode episode = set.Episodes[e];
            text.Write("    {\"classes\": ");
            WriteList(text, episode.Classes);
            text.Write(", \"support\": ");
            WriteLists(text, episode.Support);
            text.Write(", \"query\": ");
            WriteLists(text, episode.Query);
            text.Write(e + 1 < set.Episodes.Count ? "},\n" : "}\n");
        }

        text.Write("  ]\n}\n");
    }

    public static EpisodeSet Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"Episode set file '{path}' does not exist.");
        }

        EpisodeSet set;
        try
        {
            using FileStream stream = File.OpenRead(path);
            using JsonDocument document = JsonDocument.Parse(stream);
            JsonElement root = document.RootElement;
            int version = root.GetProperty("format_version").GetInt32();
            if (version != FormatVersion)
            {
                throw new BadInputException($"Episode set file '{path}' has format_version {version}; this version reads {FormatVersion}.");
            }

            var episodes = new List<Episode>();
            foreach (JsonElement episode in root.GetProperty("episodes").EnumerateArray())
            {
                episodes.Add(new Episode(
                    Strings(episode.GetProperty("classes")),
                    episode.GetProperty("support").EnumerateArray().Select(Strings).ToArray(),
                    episode.GetProperty("query").EnumerateArray().Select(Strings).ToArray()));
            }

            set = new EpisodeSet(
                ParseSplit(root.GetProperty("split").GetString()!, path),
                root.GetProperty("way").GetInt32(),
                root.GetProperty("shot").GetInt32(),
                root.GetProperty("query").GetInt32(),
                new Seed(root.GetProperty("seed").GetUInt64()),
                episodes);
            int declared = root.GetProperty("episode_count").GetInt32();
            if (declared != episodes.Count)
            {
                throw new BadInputException($"Episode set file '{path}' declares {declared} episodes but holds {episodes.Count} (truncated?).");
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BadInputException($"Episode set file '{path}' is malformed: {e.Message}", e);
        }

        set.EnsureSound($"Episode set file '{path}'");
        return set;
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(s => s.GetString()!).ToArray();

    private static SplitPart ParseSplit(string name, string path)
    {
        foreach (SplitPart part in Enum.GetValues<SplitPart>())
        {
            if (ClassSplit.PartName(part) == name)
            {
                return part;
            }
        }

        throw new BadInputException($"Episode set file '{path}': split '{name}' is not one of base, val, novel.");
    }

    private static void WriteLists(TextWriter text, IReadOnlyList<IReadOnlyList<string>> lists)
    {
        text.Write('[');
        for (int i = 0; i < lists.Count; i++)
        {
            if (i > 0)
            {
                text.Write(", ");
            }

            WriteList(text, lists[i]);
        }

        text.Write(']');
    }

    private static void WriteList(TextWriter text, IReadOnlyList<string> items)
    {
        text.Write('[');
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Write(", ");
            }

            text.Write(Quoted(items[i]));
        }

        text.Write(']');
    }

    private static string Quoted(string value) => $"\"{JsonEncodedText.Encode(value)}\"";
}
