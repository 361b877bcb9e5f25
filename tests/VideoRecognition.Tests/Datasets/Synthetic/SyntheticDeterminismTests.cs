using System.Security.Cryptography;
using OpenCvSharp;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class SyntheticDeterminismTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "vrec-synth-determinism-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Same_seed_gives_identical_files_and_decoded_frames_and_another_seed_does_not()
    {
        string first = Generate("a", 11);
        string again = Generate("b", 11);
        string other = Generate("c", 12);

        foreach (string file in new[] { "annotations.json", "ground_truth.json", "splits.txt", "classes.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(again, file)));
        }

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, "ground_truth.json")), File.ReadAllBytes(Path.Combine(other, "ground_truth.json")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, "annotations.json")), File.ReadAllBytes(Path.Combine(other, "annotations.json")));
        Assert.Equal(PixelHash(first), PixelHash(again));
        Assert.NotEqual(PixelHash(first), PixelHash(other));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private string Generate(string name, int seed)
    {
        SyntheticConfig config = SmallSyntheticDataset.SmallConfig(Path.Combine(root, name)) with { DurationScale = 0.02, MinDuration = 3.0, DistractorShare = 0.5 };
        return SyntheticDataset.Generate(config, Seed.From(seed), SilentProgress.Instance, CancellationToken.None).OutputFolder;
    }

    /// <summary>Hash of every decoded pixel of every video, in id order.</summary>
    private static string PixelHash(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string video in Directory.GetFiles(Path.Combine(folder, "videos"), "*.mp4").Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(video)));
            foreach (Mat frame in SmallSyntheticDataset.DecodeAll(video))
            {
                frame.GetArray(out Vec3b[] pixels);
                hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pixels.AsSpan()));
                frame.Dispose();
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
