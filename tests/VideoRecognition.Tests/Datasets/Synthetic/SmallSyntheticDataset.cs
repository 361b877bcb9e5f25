using OpenCvSharp;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets.Synthetic;

/// <summary>A small dataset (6 classes x 2 videos, 4-8 s at 10 fps) generated once into a temporary folder.</summary>
public sealed class SmallSyntheticDataset : IDisposable
{
    public SmallSyntheticDataset()
    {
        Folder = Path.Combine(Path.GetTempPath(), "vrec-synth-test-" + Guid.NewGuid().ToString("N"));
        Config = SmallConfig(Folder);
        Summary = SyntheticDataset.Generate(Config, Seed.From(7), SilentProgress.Instance, CancellationToken.None);
        Layout = new SyntheticDatasetLayout(Folder);
    }

    public string Folder { get; }

    public SyntheticConfig Config { get; }

    public SyntheticDatasetSummary Summary { get; }

    public SyntheticDatasetLayout Layout { get; }

    /// <summary>
    /// Default difficulty except distractors: the frame checks below tell an actor by its colour family, and a
    /// distractor of a neighbouring family can pass for it once jittered. Distractors have their own tests.
    /// </summary>
    public static SyntheticConfig SmallConfig(string folder) => new()
    {
        Output = folder,
        Classes = 6,
        VideosPerClass = 2,
        DurationScale = 0.04,
        MinDuration = 4.0,
        DistractorShare = 0,
    };

    /// <summary>Every frame of a video as the decoder returns it (counted by reading, not from the container).</summary>
    public static List<Mat> DecodeAll(string path)
    {
        using var capture = new VideoCapture(path);
        Assert.True(capture.IsOpened(), $"OpenCV cannot open {path}");
        var frames = new List<Mat>();
        while (true)
        {
            var frame = new Mat();
            if (!capture.Read(frame) || frame.Empty())
            {
                frame.Dispose();
                return frames;
            }

            frames.Add(frame);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
