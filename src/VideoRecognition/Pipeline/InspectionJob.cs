using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Features;
using VideoRecognition.FewShot;
using VideoRecognition.Model;
using VideoRecognition.Progress;
using VideoRecognition.Reports;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;
using VideoRecognition.Video;
using static TorchSharp.torch;

namespace VideoRecognition.Pipeline;

/// <summary>
/// `vrec inspect`: what a trained model thinks of every segment of some videos (weights, pseudo-labels, top
/// classes, next to the ground truth where it is known), written as the HTML inspection report.
/// </summary>
public static class InspectionJob
{
    public static string Inspect(
        RunConfig config,
        string checkpoint,
        IReadOnlyList<string> videoIds,
        string outputFolder,
        string? trainingLog,
        IReadOnlyList<FewShotResult> evaluations,
        IProgressReporter progress,
        CancellationToken ct,
        SegmentCorrections? marks = null) =>
        Inspect(config, checkpoint, videoIds, outputFolder, trainingLog, evaluations.Select(EvaluationSetting.From).ToList(), progress, ct, marks);

    /// <summary>Same, with results read back from results-*.json files.</summary>
    public static string Inspect(
        RunConfig config,
        string checkpoint,
        IReadOnlyList<string> videoIds,
        string outputFolder,
        string? trainingLog,
        IReadOnlyList<EvaluationSetting> evaluations,
        IProgressReporter progress,
        CancellationToken ct,
        SegmentCorrections? marks = null)
    {
        using var store = FeatureStore.Open(config.Features.Output);
        using var trained = TrainedModel.Load(checkpoint, store.Manifest, config.Device, RunConfigFile.ModelConfigOf);
        var videos = Describe(trained, store, config, videoIds, ct, marks);
        return InspectionReport.Write(
            OutputFolder.Prepare(outputFolder),
            videos,
            trainingLog is not null && File.Exists(trainingLog) ? trainingLog : null,
            evaluations,
            progress,
            ct);
    }

    /// <summary>A few videos of the novel classes, one per class in turn: what the report shows by default.</summary>
    public static IReadOnlyList<string> NovelExamples(RunConfig config, int count)
    {
        using var store = FeatureStore.Open(config.Features.Output);
        var novel = ClassSplit.Read(config.Data.Splits).ClassesIn(SplitPart.Novel).ToHashSet(StringComparer.Ordinal);
        return store.Videos
            .Where(v => novel.Contains(v.Label))
            .GroupBy(v => v.Label)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Select((v, i) => (v.Id, i)))
            .OrderBy(x => x.i)
            .Take(count)
            .Select(x => x.Id)
            .ToList();
    }

    public static IReadOnlyList<VideoInspection> Describe(TrainedModel trained, FeatureStore store, RunConfig config, IReadOnlyList<string> videoIds, CancellationToken ct, SegmentCorrections? marks = null)
    {
        var truth = File.Exists(config.Data.GroundTruth)
            ? GroundTruthJson.Read(config.Data.GroundTruth).Videos.ToDictionary(v => v.Id, StringComparer.Ordinal)
            : [];
        var batches = new FeatureBatches(store, Backbones.BackboneFactory.ToTorch(config.Device));
        int segments = store.Manifest.Segments;
        int classes = trained.Classes.Count;
        var files = Directory.Exists(config.Data.Videos) ? VideoIndex.FilesById(config.Data.Videos) : new Dictionary<string, IReadOnlyList<string>>();
        var inspections = new List<VideoInspection>();
        foreach (string id in videoIds)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            int position = store.Videos.Any(v => v.Id == id)
                ? store.PositionOf(id)
                : throw new BadInputException($"video '{id}' has no features in {store.Layout.Folder} (unknown id, or it could not be decoded: see the video index)");
            FeatureEntry entry = store.Videos[position];
            VideoEmbeddings inferred = trained.Model.Infer(batches.Read([position], _ => FeatureStoreManifest.TestView));
            Tensor baseProbabilities = inferred.Probabilities[0].narrow(1, 0, classes);                          // [T, C]
            Tensor basePart = baseProbabilities / baseProbabilities.sum(1, keepdim: true);
            int own = trained.Classes.ToList().IndexOf(entry.Label);
            int predicted = (int)(inferred.Weights[0].unsqueeze(1) * basePart).sum(0L).argmax().item<long>();
            // The trained model's own decisions: the detector as it stands after training (p(background) where the model
            // has the head), so a segment the detector calls background is never shown as FG. log p are logits of p.
            Tensor logits = inferred.Probabilities.clamp_min(Scalars.Tiny).log();
            long[] pseudo = PseudoLabeller.Assign(logits, tensor(new long[] { own >= 0 ? own : predicted }), classes, trained.Model.Config, epoch: int.MaxValue)
                .Labels[0].cpu().data<long>().ToArray();
            if (own < 0)
            {
                // A class the model never saw has no FG the base classifier could name: the detector decides NBG, the rest is informative.
                pseudo = pseudo.Select(l => l == (long)PseudoLabel.Nbg ? l : (long)PseudoLabel.Ibg).ToArray();
            }

            double[] margins = LabelMargin.Of(inferred.Probabilities, own >= 0 ? own : null, classes, trained.Model.Config);
            float[] videoScores = (inferred.Weights[0].unsqueeze(1) * basePart).sum(0L).div(inferred.Weights[0].sum().clamp_min(Scalars.Tiny)).cpu().data<float>().ToArray();
            string answer = own >= 0
                ? $"{trained.Classes[predicted]} (base prediction{(predicted == own ? ", correct" : $"; label {entry.Label}")})"
                : "unknown class; nearest base classes: " + string.Join(", ", Enumerable.Range(0, classes).OrderByDescending(c => videoScores[c]).Take(3)
                    .Select(c => $"{trained.Classes[c]} {videoScores[c]:P0}"));
            float[] p = inferred.Probabilities[0].cpu().data<float>().ToArray();
            float[] w = inferred.Weights[0].cpu().data<float>().ToArray();
            int k = (int)inferred.Probabilities.shape[2];
            var sampled = entry.TestSegments(segments);
            truth.TryGetValue(id, out GroundTruthVideo? gt);
            inspections.Add(new VideoInspection(
                id,
                entry.Label,
                own >= 0 ? trained.Classes[predicted] : null,
                files.TryGetValue(id, out IReadOnlyList<string>? found) ? found[0] : throw new BadInputException($"no video file for '{id}' in {config.Data.Videos}"),
                entry.Fps,
                entry.Frames,
                entry.Duration,
                sampled.Select(s => new SegmentInspection(
                    s.Index,
                    s.StartSeconds,
                    s.EndSeconds,
                    s.Frames[0],
                    w[s.Index],
                    ((PseudoLabel)pseudo[s.Index]).ToString().ToUpperInvariant(),
                    Enumerable.Range(0, classes).OrderByDescending(c => p[(s.Index * k) + c]).Take(3)
                        .Select(c => new ClassProbability(trained.Classes[c], p[(s.Index * k) + c])).ToList(),
                    trained.Model.BackgroundIndex is int bg ? p[(s.Index * k) + bg] : null,
                    gt is null ? null : SegmentTruth.Majority(gt, s.Index, segments).ToString().ToUpperInvariant(),
                    gt is null ? null : VisibleClass(gt, s.StartSeconds, s.EndSeconds)) { Mark = Marked(marks, id, s.Index)?.Kind.ToString().ToUpperInvariant(), MarkClass = Marked(marks, id, s.Index)?.Class, Margin = margins[s.Index] }).ToList())
            {
                Answer = answer,
                MarkClasses = own >= 0 ? [entry.Label, .. trained.Classes] : [.. trained.Classes],
            });
        }

        return Suggest(inspections);
    }

    /// <summary>Flags the segments the model is least sure of, over all the report's videos, as the ones to mark first.</summary>
    private static IReadOnlyList<VideoInspection> Suggest(IReadOnlyList<VideoInspection> videos)
    {
        var margins = videos.SelectMany(v => v.Segments.Select(s => new SegmentMargin(v.Id, s.Index, s.Margin ?? double.NaN))).ToList();
        var suggested = MarkSuggestions.LeastSure(margins, MarkSuggestions.CountOf(MarkSuggestions.ReportShare, margins.Count))
            .Select(m => (m.Video, m.Segment)).ToHashSet();
        return videos.Select(v => v with { Segments = v.Segments.Select(s => s with { Suggested = suggested.Contains((v.Id, s.Index)) }).ToList() }).ToList();
    }

    private static SegmentMark? Marked(SegmentCorrections? marks, string video, int segment) =>
        marks?.Of(video).FirstOrDefault(m => m.Segment == segment);

    /// <summary>The class on screen for most of [start, end), by the ground truth.</summary>
    private static string? VisibleClass(GroundTruthVideo video, double start, double end) =>
        video.Spans
            .Select(s => (s.VisibleClass, overlap: Math.Min(end, s.End) - Math.Max(start, s.Start)))
            .Where(x => x.overlap > 0)
            .MaxBy(x => x.overlap).VisibleClass;
}
