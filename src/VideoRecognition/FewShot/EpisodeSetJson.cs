using System.Text.Json;
using System.Text.Json.Serialization;
using VideoRecognition.Datasets;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>
/// Reads and writes an episode set as JSON. Byte-stable: the same set always gives the same bytes. Each
/// episode is one line (10,000 episodes stay a file one can page through and diff) while the whole file is
/// still one JSON document.
/// </summary>
public static class EpisodeSetJson
{
    /// <summary>
    /// 2: an episode's line is compact JSON. Format 1 (written by hand before) had a space after each colon
    /// and comma inside that line and is otherwise the same document, so both read alike.
    /// </summary>
    public const int FormatVersion = 2;

    public static void Write(EpisodeSet set, string path) => AtomicFile.Write(path, stream => Write(set, stream));

    public static void Write(EpisodeSet set, Stream stream)
    {
        var file = new EpisodeSetFile(
            FormatVersion,
            ClassSplit.PartName(set.Split),
            set.Way,
            set.Shot,
            set.Query,
            set.Seed.Value,
            set.Episodes.Count,
            set.Episodes.Select(e => new EpisodeLine(e.Classes, e.Support, e.Query)).ToList());
        OurJson.Document(stream, file, EpisodeSetJsonContext.Ours.EpisodeSetFile);
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
            EpisodeSetFile file;
            using (FileStream stream = File.OpenRead(path))
            {
                file = JsonSerializer.Deserialize(stream, EpisodeSetJsonContext.Ours.EpisodeSetFile) ?? throw new JsonException("null instead of an object");
            }

            if (file.FormatVersion is not (1 or FormatVersion))
            {
                throw new BadInputException($"Episode set file '{path}' has format_version {file.FormatVersion}; this version reads 1 and {FormatVersion}.");
            }

            var episodes = file.Episodes.Select(e => new Episode(e.Classes, e.Support, e.Query)).ToList();
            set = new EpisodeSet(ParseSplit(file.Split, path), file.Way, file.Shot, file.Query, new Seed(file.Seed), episodes);
            if (file.EpisodeCount != episodes.Count)
            {
                throw new BadInputException($"Episode set file '{path}' declares {file.EpisodeCount} episodes but holds {episodes.Count} (truncated?).");
            }
        }
        catch (JsonException e)
        {
            throw new BadInputException($"Episode set file '{path}' is malformed: {OurJson.Reason(e)}", e);
        }

        set.EnsureSound($"Episode set file '{path}'");
        return set;
    }

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

    internal sealed record EpisodeSetFile(
        int FormatVersion,
        string Split,
        int Way,
        int Shot,
        int Query,
        ulong Seed,
        int EpisodeCount,
        [property: JsonConverter(typeof(OneLineEach))] IReadOnlyList<EpisodeLine> Episodes);

    internal sealed record EpisodeLine(
        IReadOnlyList<string> Classes,
        IReadOnlyList<IReadOnlyList<string>> Support,
        IReadOnlyList<IReadOnlyList<string>> Query);

    // The indented writer would spread an episode over dozens of lines; each is written compact instead.
    internal sealed class OneLineEach : JsonConverter<IReadOnlyList<EpisodeLine>>
    {
        public override IReadOnlyList<EpisodeLine>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize(ref reader, EpisodeLineJsonContext.Ours.IReadOnlyListEpisodeLine);

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<EpisodeLine> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            // A raw value gets its comma from the writer but not the indented writer's line break and indent.
            byte[] indent = System.Text.Encoding.UTF8.GetBytes("\n" + new string(' ', 2 * writer.CurrentDepth));
            foreach (EpisodeLine episode in value)
            {
                writer.WriteRawValue([.. indent, .. JsonSerializer.SerializeToUtf8Bytes(episode, EpisodeLineJsonContext.Ours.EpisodeLine)], skipInputValidation: true);
            }

            writer.WriteEndArray();
        }
    }
}

[JsonSerializable(typeof(EpisodeSetJson.EpisodeSetFile))]
internal sealed partial class EpisodeSetJsonContext : JsonSerializerContext
{
    public static readonly EpisodeSetJsonContext Ours = new(OurJson.Options(indented: true));
}

[JsonSerializable(typeof(IReadOnlyList<EpisodeSetJson.EpisodeLine>))]
internal sealed partial class EpisodeLineJsonContext : JsonSerializerContext
{
    public static readonly EpisodeLineJsonContext Ours = new(OurJson.Options(indented: false));
}
