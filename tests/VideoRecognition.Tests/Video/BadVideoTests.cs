using System.Text.Json;
using OpenCvSharp;
using VideoRecognition.Video;

namespace VideoRecognition.Tests.Video;

/// <summary>Files that are not (whole) videos: probing says what is wrong, reading throws VideoReadException naming the file.</summary>
public sealed class BadVideoTests
{
    [Fact]
    public void A_video_written_here_probes_whole_and_round_trips_through_json()
    {
        using var temp = new TempFolder();
        string path = WriteVideo(temp["whole.mp4"], frames: 40);

        var probe = VideoProber.Probe(path);

        Assert.True(probe.IsReadable, string.Join("; ", probe.Problems));
        Assert.Equal(40, probe.DecodedFrames);
        Assert.Equal((64, 48), (probe.Width, probe.Height));
        Assert.Equal(10.0, probe.Fps, 3);
        var back = JsonSerializer.Deserialize<VideoProbe>(JsonSerializer.Serialize(probe))!;
        Assert.Equal(JsonSerializer.Serialize(probe), JsonSerializer.Serialize(back));
        Assert.Equal(probe.DecodedFrames, back.DecodedFrames);
        Assert.Equal(probe.Seek.Offsets, back.Seek.Offsets);
    }

    public static TheoryData<string> BadFiles => ["missing", "truncated", "empty", "random", "text"];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Probe_reports_problems_without_throwing_and_reading_throws_naming_the_file(string kind)
    {
        using var temp = new TempFolder();
        string path = temp[$"{kind}.mp4"];
        switch (kind)
        {
            case "truncated":
                byte[] whole = File.ReadAllBytes(WriteVideo(temp["whole.mp4"], frames: 40));
                File.WriteAllBytes(path, whole[..(whole.Length / 2)]);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "random":
                File.WriteAllBytes(path, RandomBytes(20_000));
                break;
            case "text":
                File.WriteAllText(path, "this is not a video, only a text file named like one\n");
                break;
        }

        var probe = VideoProber.Probe(path);

        Assert.False(probe.IsReadable);
        Assert.NotEmpty(probe.Problems);
        Assert.Contains(probe.Problems, p => p.Kind is VideoProblemKind.CannotOpen or VideoProblemKind.ZeroFrames);
        var error = Assert.Throws<VideoReadException>(() => FrameReader.Open(probe));
        Assert.Contains(path, error.Message);
        Assert.Equal(Path.GetFullPath(path), error.VideoPath);
        Assert.Throws<VideoReadException>(() => FrameReader.Open(path));
    }

    /// <summary>A short mp4v video whose frames all differ (a moving bar), written with OpenCV alone.</summary>
    internal static string WriteVideo(string path, int frames, int width = 64, int height = 48)
    {
        using var writer = new VideoWriter(path, FourCC.MP4V, 10, new Size(width, height));
        Assert.True(writer.IsOpened(), "OpenCV cannot write mp4v here");
        using var frame = new Mat(height, width, MatType.CV_8UC3);
        for (int i = 0; i < frames; i++)
        {
            frame.SetTo(new Scalar(40, 80, 120));
            Cv2.Rectangle(frame, new Rect(i % width, 0, 6, height), new Scalar(255, 255, 255), -1);
            writer.Write(frame);
        }

        return path;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
