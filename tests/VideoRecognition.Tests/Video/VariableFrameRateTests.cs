using System.Diagnostics;
using TorchSharp;
using VideoRecognition.Backbones;
using VideoRecognition.Features;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;
using VideoRecognition.Video;

namespace VideoRecognition.Tests.Video;

/// <summary>
/// A variable-frame-rate file: segment times and frame lookups by time come from the frames' own timestamps,
/// not from the average rate (which puts a frame seconds away from where it is shown).
/// </summary>
public sealed class VariableFrameRateTests
{
    [Fact]
    public void Segment_bounds_take_the_frames_own_timestamps_where_the_probe_kept_them()
    {
        // 4 frames shown at 0, 0.1, 0.5 and 0.6 s in a 0.7 s video: the average rate (5.71 fps) would put frame 2 at 0.35 s.
        var probe = new VideoProbe { Path = "vfr.mp4", Opens = true, DecodedFrames = 4, Fps = 4 / 0.7, DurationSeconds = 0.7, FrameSeconds = [0, 0.1, 0.5, 0.6] };
        var segments = new SegmentSampler(2).TestFrames(probe);
        Assert.Equal([0.0, 0.5], segments.Select(s => s.StartSeconds));
        Assert.Equal([0.5, 0.7], segments.Select(s => s.EndSeconds));
        Assert.Equal(2, FrameTime.IndexAt(0.55, probe));
        Assert.Equal(1, FrameTime.IndexAt(0.49, probe));
        Assert.Equal(3, FrameTime.IndexAt(9, probe));

        // A constant rate keeps no timestamps and the same numbers as before.
        Assert.Null(FrameTime.VariableTimeline([0, 100, 200.4, 300], 10));
        Assert.Equal([0, 0.1, 0.5, 0.6], FrameTime.VariableTimeline([40, 140, 540, 640], 4 / 0.7)!);
    }

    [FfmpegFact]
    public void A_real_variable_frame_rate_file_is_timed_by_its_timestamps()
    {
        using var temp = new TempFolder();
        string path = temp["vfr.mp4"];
        // 60 frames at 30 fps (0-2 s), then 60 at 10 fps (2-8 s): 120 frames, 15.4 fps on average.
        Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=30:duration=4",
            "-vf", "setpts='if(lt(N,60),N/(30*TB),(2+(N-60)/10)/TB)'", "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt", "yuv420p", path);

        VideoProbe probe = VideoProber.Probe(path);
        Assert.Equal(120, probe.DecodedFrames);
        Assert.NotNull(probe.FrameSeconds);
        Assert.Equal(2.0, probe.FrameSeconds![60], 3);
        Assert.Equal(7.9, probe.FrameSeconds[119], 3);

        var segments = new SegmentSampler(4).TestFrames(probe);
        Assert.Equal(60, segments[2].StartFrame);
        Assert.Equal(2.0, segments[2].StartSeconds, 3);        // the average rate says 3.9 s
        Assert.Equal(1.0, segments[1].StartSeconds, 3);
        Assert.Equal(5.0, segments[3].StartSeconds, 3);
        using var reader = FrameReader.Open(probe);
        Assert.Equal(90, reader.FrameIndexAt(5.0));              // the average rate says frame 77

        // The feature store keeps those times, so localisation spans and the inspection report read them too.
        FeatureEntry stored = ExtractOne(probe, temp["store"]);
        double[] truth = [.. Enumerable.Range(0, 5).Select(k => FrameSeconds(k * 120 / 4.0)), probe.DurationSeconds];
        (double[] starts, double[] ends) = stored.SegmentTimes(4);
        IReadOnlyList<SampledSegment> inspected = stored.TestSegments(4);
        double frame = 1 / 10.0; // the longer of the two frame intervals
        for (int k = 0; k < 4; k++)
        {
            Assert.InRange(starts[k], truth[k] - frame, truth[k] + frame);
            Assert.InRange(ends[k], truth[k + 1] - frame, truth[k + 1] + frame);
            Assert.Equal((starts[k], ends[k]), (inspected[k].StartSeconds, inspected[k].EndSeconds));
        }

        Assert.Equal(2.0, starts[2], 3);                         // the average rate says 3.9 s
    }

    [FfmpegFact]
    public void A_constant_frame_rate_file_stores_no_segment_times_and_keeps_the_average_rate_path()
    {
        using var temp = new TempFolder();
        string path = temp["cfr.mp4"];
        Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:duration=2",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", path);

        VideoProbe probe = VideoProber.Probe(path);
        FeatureEntry stored = ExtractOne(probe, temp["store"]);

        Assert.Null(probe.FrameSeconds);
        Assert.Null(stored.SegmentSeconds);
        Assert.DoesNotContain("segment_seconds", File.ReadAllText(new FeatureStoreLayout(temp["store"]).Index));
        Assert.Equal([0, 0.5, 1, 1.5], stored.SegmentTimes(4).Starts);
        Assert.Equal([0.5, 1, 1.5, 2], stored.TestSegments(4).Select(s => s.EndSeconds));
    }

    // Frame i of the file made above: 30 fps for the first 60 frames, 10 fps after (fractional i interpolates).
    private static double FrameSeconds(double i) => i <= 60 ? i / 30 : 2 + ((i - 60) / 10);

    private static FeatureEntry ExtractOne(VideoProbe probe, string folder)
    {
        var video = new VideoConfig { Segments = 4, InputSize = 32, ResizeShorter = 32 };
        using var backbone = new ResNetBackbone(BackboneArchitecture.Resnet18, torch.CPU, video.InputSize);
        var features = new FeatureConfig { TrainViews = 0 };
        var extractor = new FeatureExtractor(new SegmentViews(video, features.TrainViews, Seed.From(1)), backbone, features, 8);
        var manifest = FeatureStoreManifest.Of(backbone, video, features.TrainViews, seed: 1);
        extractor.Run(manifest, [new VideoSource("v", "a", "training", probe)], new FeatureStoreLayout(folder), SilentProgress.Instance, CancellationToken.None);
        using FeatureStore store = FeatureStore.Open(folder);
        return Assert.Single(store.Videos);
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
    }
}

/// <summary>A test that makes its input with the ffmpeg program; skipped, saying so, where ffmpeg is not installed.</summary>
public sealed class FfmpegFactAttribute : FactAttribute
{
    public FfmpegFactAttribute()
    {
        bool found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, "ffmpeg")));
        if (!found)
        {
            Skip = "needs the ffmpeg program (apt-get install ffmpeg) to make a variable-frame-rate file; it is not on this machine";
        }
    }
}
