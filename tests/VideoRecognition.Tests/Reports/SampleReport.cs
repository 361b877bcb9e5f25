using System.Text.Json;
using OpenCvSharp;
using VideoRecognition.Datasets;
using VideoRecognition.FewShot;
using VideoRecognition.Progress;
using LogLevel = VideoRecognition.Progress.LogLevel;
using VideoRecognition.Reports;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Tests.Reports;

/// <summary>
/// A small report, written once for the report tests: a real 6 s mp4 (black lead-in, a moving actor, a
/// busy scene), three inspected videos (one with a hostile class name and id, one whose file is missing),
/// a hand-written train.jsonl and a 1-shot and a 5-shot few-shot result (one read back from its JSON).
/// </summary>
public sealed class SampleReport : IDisposable
{
    public const string HostileClass = "<script>alert(1)</script>";
    public const double Duration = 6.0;
    public const int Fps = 10;

    public SampleReport()
    {
        Folder = Directory.CreateTempSubdirectory("vrec-report-").FullName;
        string video = Path.Combine(Folder, "clip.mp4");
        WriteVideo(video);
        string log = Path.Combine(Folder, "train.jsonl");
        WriteTrainingLog(log);
        string fiveShotJson = Path.Combine(Folder, "five_shot.json");
        FewShotResultJson.Write(Result(shot: 5, localised: true), fiveShotJson);

        Videos =
        [
            Inspection("v_clip_001", "jumping jacks", video, truth: true),
            Inspection("odd id/with \"quotes\" & <tags>", HostileClass, video, truth: false),
            Inspection("v_missing", "rowing", Path.Combine(Folder, "no_such_video.mp4"), truth: true),
        ];
        ReportFolder = Path.Combine(Folder, "report");
        Progress = new RecordingProgress();
        IndexPath = InspectionReport.Write(
            ReportFolder,
            Videos,
            log,
            [EvaluationSetting.From(Result(shot: 1, localised: false)), EvaluationSetting.Read(fiveShotJson)],
            Progress);
    }

    public string Folder { get; }

    public string ReportFolder { get; }

    public string IndexPath { get; }

    public IReadOnlyList<VideoInspection> Videos { get; }

    public RecordingProgress Progress { get; }

    /// <summary>The HTML files of the report with their text.</summary>
    public IEnumerable<(string Path, string Html)> Pages() =>
        Directory.EnumerateFiles(ReportFolder, "*.html", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p)));

    public string PageOf(string id) =>
        Directory.EnumerateFiles(Path.Combine(ReportFolder, "videos"), "*.html")
            .Single(p => File.ReadAllText(p).Contains($"<h1>{System.Net.WebUtility.HtmlEncode(id)}</h1>", StringComparison.Ordinal));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A browser still shutting down may hold a file; the temp folder is not worth a failure.
        }
    }

    private static VideoInspection Inspection(string id, string label, string path, bool truth)
    {
        // Six 1 s segments: two black (NBG), three with the actor (FG), one busy scene (IBG).
        string[] pseudo = ["NBG", "NBG", "FG", "FG", "IBG", "IBG"];
        string[] kinds = ["NBG", "NBG", "FG", "FG", "FG", "IBG"];
        double[] weights = [0.03, 0.08, 0.91, 0.86, 0.55, 0.37];
        var segments = new List<SegmentInspection>();
        for (int i = 0; i < 6; i++)
        {
            double confidence = 0.2 + 0.7 * weights[i];
            segments.Add(new SegmentInspection(
                i,
                i,
                i + 1,
                i * Fps + Fps / 2,
                weights[i],
                pseudo[i],
                [new ClassProbability(i == 5 ? "high jump" : label, confidence), new ClassProbability("rowing", (1 - confidence) * 0.6), new ClassProbability(HostileClass, (1 - confidence) * 0.3)],
                1 - weights[i],
                truth ? kinds[i] : null,
                truth && kinds[i] != "NBG" ? (kinds[i] == "FG" ? label : "high jump") : null));
        }

        return new VideoInspection(id, label, label, path, Fps, (int)(Duration * Fps), Duration, segments);
    }

    private static void WriteVideo(string path)
    {
        using var writer = new VideoWriter(path, FourCC.MP4V, Fps, new Size(320, 240));
        Assert.True(writer.IsOpened(), "the mp4v writer did not open");
        for (int f = 0; f < Duration * Fps; f++)
        {
            using var frame = new Mat(240, 320, MatType.CV_8UC3, Scalar.Black);
            if (f >= 2 * Fps)
            {
                frame.Rectangle(new Rect(0, 0, 320, 150), new Scalar(235, 206, 135), -1);
                frame.Rectangle(new Rect(0, 150, 320, 90), new Scalar(60, 140, 60), -1);
                int x = 20 + (f * 7 % 240);
                frame.Circle(new Point(x + 20, 110), 18, new Scalar(40, 40, 220), -1);
                frame.Rectangle(new Rect(x + 8, 128, 24, 50), new Scalar(40, 40, 220), -1);
            }

            if (f >= 5 * Fps)
            {
                frame.Rectangle(new Rect(200, 40, 90, 110), new Scalar(20, 120, 200), -1);
            }

            writer.Write(frame);
        }
    }

    private static void WriteTrainingLog(string path)
    {
        var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var lines = new List<string>();
        for (int epoch = 1; epoch <= 8; epoch++)
        {
            double t = epoch / 8.0;
            bool warm = epoch > 1;
            lines.Add(JsonSerializer.Serialize(new TrainingRecord("step", epoch, epoch * 10, 0.01, 3 - t, 2 - t, 0.5, 0.5, null, null, null, null, null, null, null, null, null, null, null, null, null), json));
            lines.Add(JsonSerializer.Serialize(new TrainingRecord(
                "epoch", epoch, epoch * 10, 0.01 * (1 - t), 3.2 - 1.6 * t, 2.2 - 1.2 * t, warm ? 0.6 - 0.4 * t : null, warm ? 0.9 - 0.3 * t : null,
                0.3 + 0.6 * t, epoch % 2 == 0 ? 0.25 + 0.4 * t : null, 0.25, 0.4, 0.35,
                warm ? 0.5 + 0.45 * t : null, 0.8, warm ? 0.6 + 0.3 * t : null, 0.7, warm ? 0.4 + 0.2 * t : null, 0.5, 120, 960,
                ResidentMemoryMiB: 500, NbgAurocBackground: warm ? 0.8 + 0.15 * t : null, NbgAurocDetector: 0.75 + 0.2 * t,
                FgMeanWeight: 0.9, IbgMeanWeight: 0.8 - 0.1 * t, NbgMeanWeight: warm ? 0.5 - 0.4 * t : null), json));
        }

        File.WriteAllLines(path, lines);
    }

    private static FewShotResult Result(int shot, bool localised)
    {
        string[] classes = ["high jump", HostileClass];
        ModelResult Model(string name, double level)
        {
            double[] accuracies = Enumerable.Range(0, 200).Select(e => Math.Clamp(level + 0.2 * Math.Sin(e), 0, 1)).ToArray();
            return new ModelResult(
                name,
                AccuracyInterval.Of(accuracies),
                classes.Select(c => new ClassAccuracy(c, 100, (long)(100 * level))).ToList(),
                new ConfusionMatrix(classes, [[60, 40], [30, 70]]),
                localised ? new LocalisationResult(40, 120, 0.41 + level / 10, 0.33 + level / 10) : null,
                accuracies);
        }

        double bonus = shot == 5 ? 0.15 : 0.0;
        return new FewShotResult(SplitPart.Novel, 5, shot, 4, new Seed(7), 200, FewShotClassifierKind.Prototype,
            [Model("baseline (TSN mean pooling)", 0.45 + bonus), Model("annotation-efficient", 0.52 + bonus)]);
    }
}

/// <summary>Keeps what the engine reported, so tests can see the warnings.</summary>
public sealed class RecordingProgress : IProgressReporter
{
    public List<(LogLevel Level, string Message)> Messages { get; } = [];

    public IProgressTask Start(string description, long total, string unit) => new NoTask();

    public void Log(LogLevel level, string message)
    {
        lock (Messages)
        {
            Messages.Add((level, message));
        }
    }

    private sealed class NoTask : IProgressTask
    {
        public void Advance(long count = 1)
        {
        }

        public void Dispose()
        {
        }
    }
}
