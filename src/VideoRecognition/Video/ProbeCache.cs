using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace VideoRecognition.Video;

/// <summary>
/// Probes remembered on disk (probes.jsonl, one probe per line, appended as they are made), so probing a
/// large collection resumes after an interruption and a second run costs nothing. A probe is reused only
/// while its file has the same size and modification time.
/// </summary>
public sealed class ProbeCache
{
    /// <summary>The cache's file name in data.index.</summary>
    public const string FileName = "probes.jsonl";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly string path;
    private readonly ConcurrentDictionary<string, VideoProbe> probes = new(StringComparer.Ordinal);
    private readonly Lock appendGate = new();

    public ProbeCache(string path)
    {
        this.path = path;
        if (!File.Exists(path))
        {
            return;
        }

        foreach (string line in File.ReadLines(path))
        {
            try
            {
                if (JsonSerializer.Deserialize<VideoProbe>(line, Json) is { } probe)
                {
                    probes[probe.Path] = probe;
                }
            }
            catch (JsonException)
            {
                // A torn last line from a killed run: that video is probed again.
            }
        }
    }

    public int Count => probes.Count;

    /// <summary>The cached probe of this file if it is still current, else a new probe (remembered).</summary>
    /// <remarks>A cached refusal for size is probed again when <paramref name="maxFramePixels"/> now admits the frames.</remarks>
    public VideoProbe Probe(string videoPath, long maxFramePixels = VideoConfig.DefaultMaxFramePixels, CancellationToken ct = default)
    {
        string full = Path.GetFullPath(videoPath);
        if (probes.TryGetValue(full, out var cached) && IsCurrent(cached, full)
            && !(cached.Problems.Any(p => p.Kind == VideoProblemKind.FrameTooLarge) && (long)cached.Width * cached.Height <= maxFramePixels))
        {
            return cached;
        }

        VideoProbe probe = VideoProber.Probe(full, maxFramePixels, ct);
        probes[full] = probe;
        lock (appendGate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.AppendAllText(path, JsonSerializer.Serialize(probe, Json) + "\n", Encoding.UTF8);
        }

        return probe;
    }

    private static bool IsCurrent(VideoProbe probe, string file)
    {
        VideoFileStamp stamp = VideoFileStamp.Of(file);
        return stamp.Exists && stamp.Bytes == probe.FileBytes && stamp.LastWriteUtc == probe.LastWriteUtc;
    }
}
