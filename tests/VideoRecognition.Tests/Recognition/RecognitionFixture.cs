using VideoRecognition.Datasets;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;
using VideoRecognition.Tests.Training;

namespace VideoRecognition.Tests.Recognition;

/// <summary>
/// A real trained model (the training test set: 10 synthetic classes x 6 videos, ResNet-18 features at 64 px,
/// 8 epochs) and, from the same set, what a user would bring to `vrec recognise`: support folders of 3 videos
/// for each held-out novel class, and a query list of the other videos of those classes plus the videos of the
/// val classes (classes not in the support set), with their classes and ground-truth action spans.
/// </summary>
public sealed class RecognitionFixture : IDisposable
{
    public RecognitionFixture()
    {
        Data = new TrainingDataset();
        Folder = Path.Combine(Data.Folder, "recognise");
        Checkpoint = Path.Combine(Data.Folder, "run", "checkpoints", "best");
        TrainingJob.Train(Data.Config(Path.Combine(Data.Folder, "run"), "train.epochs=8"), false, SilentProgress.Instance, CancellationToken.None);
        var split = ClassSplit.Read(Data.BaseConfig.Data.Splits);
        NovelClasses = split.ClassesIn(SplitPart.Novel).ToList();
        OtherClasses = split.ClassesIn(SplitPart.Val).ToList();
        var annotations = ActivityNetAnnotationReader.Read(Data.BaseConfig.Data.Annotations);
        var files = VideoIndex.FilesById(Data.BaseConfig.Data.Videos);
        SupportFolder = Path.Combine(Folder, "support");
        var queryRows = new List<string> { "video,class,start,end" };
        foreach (var group in annotations.Videos.Where(v => v.Labels.Count > 0).GroupBy(v => v.Labels[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            bool novel = NovelClasses.Contains(group.Key);
            if (!novel && !OtherClasses.Contains(group.Key))
            {
                continue;
            }

            var videos = group.OrderBy(v => v.Id, StringComparer.Ordinal).ToList();
            int shots = novel ? 3 : 0;
            foreach (var video in videos.Take(shots))
            {
                string classFolder = Path.Combine(SupportFolder, group.Key);
                Directory.CreateDirectory(classFolder);
                File.CreateSymbolicLink(Path.Combine(classFolder, Path.GetFileName(files[video.Id][0])), files[video.Id][0]);
            }

            foreach (var video in videos.Skip(shots))
            {
                foreach (var segment in video.Segments)
                {
                    queryRows.Add($"{files[video.Id][0]},{group.Key},{segment.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)},{segment.End.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                }
            }
        }

        QueryList = Path.Combine(Folder, "queries.csv");
        File.WriteAllLines(QueryList, queryRows);
        ConfigFile = Path.Combine(Folder, "recognise.yaml");
        File.WriteAllText(ConfigFile, $"recognise:\n  cache: {Path.Combine(Folder, "cache")}\n");
    }

    public TrainingDataset Data { get; }

    public string Folder { get; }

    public string Checkpoint { get; }

    public IReadOnlyList<string> NovelClasses { get; }

    public IReadOnlyList<string> OtherClasses { get; }

    public string SupportFolder { get; }

    public string QueryList { get; }

    public string ConfigFile { get; }

    public void Dispose() => Data.Dispose();
}
