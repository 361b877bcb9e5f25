using System.Globalization;
using VideoRecognition.Datasets;
using VideoRecognition.Progress;
using VideoRecognition.Recognition;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Pipeline;

/// <summary>What <see cref="HeldOutRecognition.Arrange"/> wrote: the support folders, the query list, and which novel classes are on which side.</summary>
public sealed record HeldOutSet(string SupportFolder, string QueryList, IReadOnlyList<string> SupportClasses, IReadOnlyList<string> OtherClasses, int Shots);

/// <summary>
/// `vrec recognise --held-out-novel`: the recognise measurement on an annotated set the model was trained on
/// (the synthetic set). Of the novel classes of the checkpoint's own split, a seeded choice (half by default)
/// become support classes, each with a folder of K of its videos; the queries are their other videos and every
/// video of the novel classes left out of the support, with their classes and action spans, so `vrec recognise`
/// scores top-1 accuracy, span tIoU and the "none of these" rates exactly as it would for a user's own lists.
/// </summary>
public static class HeldOutRecognition
{
    public static RecognitionResult Run(
        RunConfig config, string checkpoint, int shots, int? supportClasses, string output, IProgressReporter progress, CancellationToken ct)
    {
        if (!File.Exists(CheckpointStore.ConfigFile(checkpoint)))
        {
            throw new BadInputException($"checkpoint folder '{checkpoint}' does not exist or holds no config.yaml; give one such as runs/demo/runs/full/checkpoints/best");
        }

        RunConfig trainedWith = RunConfigFile.Load(CheckpointStore.ConfigFile(checkpoint));
        HeldOutSet set = Arrange(trainedWith, shots, supportClasses, Path.Combine(OutputFolder.Prepare(output), "held-out"));
        progress.Log(LogLevel.Info,
            $"Held-out novel classes: {set.Shots}-shot support folders of {string.Join(", ", set.SupportClasses)} in {set.SupportFolder}; " +
            $"queries of those and of {string.Join(", ", set.OtherClasses)} (not in the support set) in {set.QueryList}");
        return RecognitionJob.Recognise(config, checkpoint, set.SupportFolder, set.QueryList, output, progress, ct);
    }

    /// <summary>
    /// Writes the support folders (links to the videos) and the query list under <paramref name="folder"/>, replacing
    /// earlier ones, from the data, split and seed of <paramref name="trainedWith"/>, the config the model was trained with.
    /// </summary>
    public static HeldOutSet Arrange(RunConfig trainedWith, int shots, int? supportClasses, string folder)
    {
        var data = trainedWith.Data;
        var novel = ClassSplit.Read(data.Splits).ClassesIn(SplitPart.Novel).Order(StringComparer.Ordinal).ToArray();
        int inSupport = supportClasses ?? (novel.Length + 1) / 2;
        if (shots < 1)
        {
            throw new BadInputException($"--shots {shots}: give at least one support video per class");
        }

        if (novel.Length < 2 || inSupport < 1 || inSupport >= novel.Length)
        {
            throw new BadInputException(
                $"--support-classes {inSupport}: {data.Splits} has {novel.Length} novel classes, and the measurement needs at least one of them in the support set and one left out");
        }

        Random random = Seed.From(trainedWith.Seed).Derive("recognise.held_out").ToRandom();
        random.Shuffle(novel);
        var support = novel.Take(inSupport).Order(StringComparer.Ordinal).ToList();
        var others = novel.Skip(inSupport).Order(StringComparer.Ordinal).ToList();

        var files = VideoIndex.FilesById(data.Videos);
        var videos = DatasetAnnotations.Read(data, SilentProgress.Instance).Videos
            .Where(v => v.Labels.Count > 0 && novel.Contains(v.Labels[0]) && files.ContainsKey(v.Id))
            .GroupBy(v => v.Labels[0])
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Id, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        string supportFolder = Path.Combine(folder, "support");
        if (Directory.Exists(supportFolder))
        {
            Directory.Delete(supportFolder, recursive: true);
        }

        var rows = new List<string> { "video,class,start,end" };
        foreach (string cls in novel.Order(StringComparer.Ordinal))
        {
            var ofClass = videos.GetValueOrDefault(cls) ?? [];
            random.Shuffle(ofClass);
            int taken = support.Contains(cls) ? shots : 0;
            if (taken > 0 && ofClass.Length <= shots)
            {
                throw new BadInputException($"--shots {shots}: novel class '{cls}' has {ofClass.Length} videos in {data.Videos}, too few to leave a query after {shots} support videos");
            }

            foreach (var video in ofClass.Take(taken))
            {
                string file = files[video.Id][0];
                File.CreateSymbolicLink(Path.Combine(Directory.CreateDirectory(Path.Combine(supportFolder, cls)).FullName, Path.GetFileName(file)), Path.GetFullPath(file));
            }

            foreach (var video in ofClass.Skip(taken).OrderBy(v => v.Id, StringComparer.Ordinal))
            {
                string file = Path.GetFullPath(files[video.Id][0]);
                if (file.Contains(',', StringComparison.Ordinal) || cls.Contains(',', StringComparison.Ordinal))
                {
                    throw new BadInputException($"'{file}' ({cls}): a comma in a video path or class cannot go into the query list (video,class,start,end)");
                }

                rows.AddRange(video.Segments.Count == 0
                    ? [$"{file},{cls}"]
                    : video.Segments.Select(s => string.Create(CultureInfo.InvariantCulture, $"{file},{cls},{s.Start},{s.End}")));
            }
        }

        string queries = Path.Combine(folder, "queries.csv");
        AtomicFile.WriteAllText(queries, string.Join('\n', rows) + '\n');
        return new HeldOutSet(supportFolder, queries, support, others, shots);
    }
}
