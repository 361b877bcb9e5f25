using System.Text.Json;
using OpenCvSharp;
using VideoRecognition.Tests.Cli;
using VideoRecognition.Tests.Model;

namespace VideoRecognition.Tests.Recognition;

/// <summary>
/// `vrec recognise` on the real clips of ../shared/data/realvideos. That folder has one clip per action, so the
/// support video of a class is the first half of its clip and the query the second half (cut here into MJPG
/// files, frame by frame with OpenCV); the three clips without a person acting (city, flower, tree) are queries
/// of classes outside the support set, and one broken file is among the queries.
/// </summary>
[Collection(TorchGlobalRandomCollection.Name)]
public sealed class RealVideoRecognitionTests(RecognitionFixture fixture) : IClassFixture<RecognitionFixture>
{
    private static readonly string[] Actions = ["arm_wrestling.mp4", "apply_eye_makeup.avi", "flipping_pancake.mkv", "clean_and_jerk.mp4", "hand_waving_h264.webm"];
    private static readonly string[] Others = ["city_mpeg2.mpg", "flower_vp8.webm", "tree_cinepak.avi"];

    [SharedDataFact("realvideos")]
    public void Runs_on_real_clips_and_writes_the_report()
    {
        string clips = SharedDataFactAttribute.SharedDataPath("realvideos")!;
        string folder = Path.Combine(fixture.Folder, "real");
        foreach (string clip in Actions)
        {
            string action = Path.GetFileNameWithoutExtension(clip);
            CutInHalves(Path.Combine(clips, clip), Path.Combine(folder, "support", action, action + "-first.avi"), Path.Combine(folder, "queries", action, action + "-second.avi"));
        }

        foreach (string clip in Others)
        {
            Directory.CreateDirectory(Path.Combine(folder, "queries", "not-in-support"));
            File.Copy(Path.Combine(clips, clip), Path.Combine(folder, "queries", "not-in-support", clip), overwrite: true);
        }

        File.WriteAllText(Path.Combine(folder, "queries", "broken.mp4"), "not a video");
        string output = Path.Combine(folder, "out");
        var run = VrecProcess.Run("recognise", "--config", fixture.ConfigFile, "--checkpoint", fixture.Checkpoint,
            "--support", Path.Combine(folder, "support"), "--queries", Path.Combine(folder, "queries"), "--out", output);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.False(VrecProcess.HasStackTrace(run.Output), run.Output);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "recognition.json")));
        Assert.Equal(Actions.Length, json.RootElement.GetProperty("classes").GetArrayLength());
        Assert.Equal(Actions.Length + Others.Length, json.RootElement.GetProperty("queries").GetArrayLength());
        Assert.Equal("broken.mp4", Path.GetFileName(json.RootElement.GetProperty("skipped")[0].GetProperty("path").GetString()));
        foreach (JsonElement q in json.RootElement.GetProperty("queries").EnumerateArray())
        {
            Assert.True(q.GetProperty("duration").GetDouble() > 0);
            Assert.All(q.GetProperty("spans").EnumerateArray(), s => Assert.InRange(s.GetProperty("segment")[1].GetDouble(), 0.0, q.GetProperty("duration").GetDouble() + 1e-6));
        }

        string report = Path.Combine(output, "report");
        Assert.True(File.Exists(Path.Combine(report, "index.html")));
        Assert.Equal(Actions.Length + Others.Length, Directory.GetFiles(Path.Combine(report, "videos"), "*.html").Length);
        Assert.Equal(Actions.Length, Directory.GetFiles(Path.Combine(report, "videos", "thumbs", "support"), "*.jpg").Length);
    }

    private static void CutInHalves(string source, string first, string second)
    {
        using var capture = new VideoCapture(source);
        var frames = new List<Mat>();
        for (var frame = new Mat(); capture.Read(frame) && !frame.Empty(); frame = new Mat())
        {
            frames.Add(frame);
        }

        double fps = capture.Fps is > 1 and < 120 ? capture.Fps : 25;
        Write(first, frames.Take(frames.Count / 2).ToList(), fps);
        Write(second, frames.Skip(frames.Count / 2).ToList(), fps);
        frames.ForEach(f => f.Dispose());
    }

    private static void Write(string path, IReadOnlyList<Mat> frames, double fps)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new VideoWriter(path, FourCC.MJPG, fps, frames[0].Size());
        Assert.True(writer.IsOpened(), $"cannot write {path}");
        foreach (Mat frame in frames)
        {
            writer.Write(frame);
        }
    }
}
