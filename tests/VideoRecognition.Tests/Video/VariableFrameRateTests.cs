using System.Diagnostics;
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
