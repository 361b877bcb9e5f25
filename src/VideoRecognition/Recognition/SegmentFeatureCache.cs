using System.Security.Cryptography;
using System.Text;
using VideoRecognition.Features;
using VideoRecognition.Runtime;
using VideoRecognition.Video;

namespace VideoRecognition.Recognition;

/// <summary>
/// Test-view segment features of single video files, remembered on disk so a support set or a query folder
/// used again costs nothing. An entry is keyed by the file's full path, size and modification time and by the
/// store manifest (backbone, input size, sampling), so a changed file or another model input is extracted anew.
/// One file per video (segments x dimension float32), written atomically.
/// </summary>
public sealed class SegmentFeatureCache(string folder, FeatureStoreManifest manifest)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public float[]? TryRead(VideoProbe probe)
    {
        string path = PathOf(probe);
        if (!File.Exists(path))
        {
            return null;
        }

        byte[] bytes = File.ReadAllBytes(path);
        int floats = manifest.Segments * manifest.FeatureDimension;
        if (bytes.Length != floats * sizeof(float))
        {
            return null; // another layout: extract again
        }

        var features = new float[floats];
        Buffer.BlockCopy(bytes, 0, features, 0, bytes.Length);
        return features;
    }

    public void Write(VideoProbe probe, ReadOnlySpan<float> features)
    {
        byte[] bytes = new byte[features.Length * sizeof(float)];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(features).CopyTo(bytes);
        AtomicFile.Write(PathOf(probe), stream => stream.Write(bytes));
    }

    private string PathOf(VideoProbe probe)
    {
        string key = $"{probe.Path}\n{probe.FileBytes}\n{probe.LastWriteUtc.Ticks}\n{manifest}";
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return Path.Combine(Folder, "features", hash[..2], hash + ".f32");
    }
}
