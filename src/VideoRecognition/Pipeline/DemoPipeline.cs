using OpenCvSharp;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;
using LogLevel = VideoRecognition.Progress.LogLevel;

namespace VideoRecognition.Pipeline;

/// <summary>What `vrec demo` did and found.</summary>
public sealed record DemoResult(
    string OutputFolder,
    NativeCheck Native,
    SyntheticDatasetSummary Dataset,
    int VideosDecoded,
    long FramesDecoded);

/// <summary>
/// The whole job on the synthetic benchmark, stage by stage, each stage writing its files under the
/// run's output folder: generate the data, check that libtorch and FFmpeg work, decode the videos back.
/// </summary>
public static class DemoPipeline
{
    /// <summary>Where the demo puts its synthetic dataset inside the run folder.</summary>
    public const string DatasetFolder = "synthetic";

    /// <summary>The config the demo runs with: the dataset goes inside the run folder.</summary>
    public static RunConfig Arrange(RunConfig config, string outputFolder) =>
        config with { Synth = config.Synth with { Output = Path.Combine(outputFolder, DatasetFolder) } };

    public static DemoResult Run(RunConfig config, string outputFolder, IProgressReporter progress, CancellationToken ct)
    {
        NativeCheck native = NativeLibraries.Check();
        progress.Log(native.AllGood ? LogLevel.Info : LogLevel.Error, native.Report);
        if (!native.AllGood)
        {
            throw new InvalidOperationException($"the native libraries do not work on this machine:{Environment.NewLine}{native.Report}");
        }

        SyntheticDatasetSummary dataset = SyntheticDataset.Generate(config.Synth, Seed.From(config.Seed), progress, ct);
        (int videos, long frames) = DecodeAll(new SyntheticDatasetLayout(config.Synth.Output), progress, ct);
        return new DemoResult(Path.GetFullPath(outputFolder), native, dataset, videos, frames);
    }

    /// <summary>Decodes every video with OpenCV's FFmpeg backend and checks it against the ground truth's frame count.</summary>
    private static (int Videos, long Frames) DecodeAll(SyntheticDatasetLayout layout, IProgressReporter progress, CancellationToken ct)
    {
        GroundTruthFile truth = GroundTruthJson.Read(layout.GroundTruth);
        long frames = 0;
        using IProgressTask task = progress.Start("Decoding videos back", truth.Videos.Count, "videos");
        using var frame = new Mat();
        foreach (GroundTruthVideo video in truth.Videos)
        {
            ct.ThrowIfCancellationRequested();
            using var capture = new VideoCapture(layout.Video(video.Id), VideoCaptureAPIs.FFMPEG);
            int decoded = 0;
            while (capture.Read(frame) && !frame.Empty())
            {
                decoded++;
            }

            if (decoded != video.Frames)
            {
                throw new InvalidDataException($"{layout.Video(video.Id)}: decoded {decoded} frames, the ground truth says {video.Frames}");
            }

            frames += decoded;
            task.Advance();
        }

        return (truth.Videos.Count, frames);
    }
}
