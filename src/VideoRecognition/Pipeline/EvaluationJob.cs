using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.FewShot;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Pipeline;

/// <summary>What `vrec eval` wrote.</summary>
public sealed record EvaluationOutcome(FewShotResult Result, string EpisodesFile, string ResultJson, string ResultCsv, string PerClassCsv)
{
    /// <summary>Per model, the ActivityNet result files of the query videos and their detection mAP against the annotations.</summary>
    public IReadOnlyList<ActivityNetOutput> ActivityNet { get; init; } = [];
}

/// <summary>One model's official-format result files and their score by ActivityNet's detection-evaluation definition (null without annotated spans).</summary>
public sealed record ActivityNetOutput(string Model, string ClassificationFile, string DetectionFile, DetectionMap? DetectionMap);

/// <summary>
/// `vrec eval`: N-way K-shot episodes over a split's classes, several checkpoints evaluated on the SAME
/// episodes (sampled from the seed, or replayed from a saved episode set), with localisation against the
/// annotated action spans.
/// </summary>
public static class EvaluationJob
{
    public static EvaluationOutcome Evaluate(
        RunConfig config,
        IReadOnlyList<string> checkpoints,
        string? replayEpisodes,
        string outputFolder,
        IProgressReporter progress,
        CancellationToken ct,
        bool fromVideos = false)
    {
        if (checkpoints.Count == 0)
        {
            throw new BadInputException("give at least one --checkpoint (a folder such as runs/train/checkpoints/best)");
        }

        if (fromVideos)
        {
            // Straight from the videos: extract (or finish extracting) the store first; a complete store costs only a check.
            ExtractionJob.Extract(config, ShardSpec.Whole, progress, ct);
        }

        EvaluationConfig eval = config.Eval;
        using var store = FeatureStore.Open(config.Features.Output);
        var split = ClassSplit.Read(config.Data.Splits);
        var classes = split.ClassesIn(eval.Split).ToList();
        if (classes.Count == 0)
        {
            throw new BadInputException($"{config.Data.Splits} has no {ClassSplit.PartName(eval.Split)} classes to evaluate on");
        }

        var positions = StoreEmbeddings.PositionsOf(store, classes);
        var labels = positions.ToDictionary(p => store.Videos[p].Id, p => store.Videos[p].Label, StringComparer.Ordinal);

        // Episodes need only ids and labels: drawn (or a replayed file read and checked) before the costly embedding.
        EpisodeSet episodes = replayEpisodes is null
            ? EpisodeSampler.Sample(classes, labels.Select(l => (l.Key, l.Value)), eval, Seed.From(config.Seed).Derive("eval.episodes"))
            : Replayable(EpisodeSetJson.Read(replayEpisodes), replayEpisodes, labels, config.Features.Output);
        var models = new List<ModelEmbeddings>();
        foreach (string checkpoint in checkpoints)
        {
            ct.ThrowIfCancellationRequested();
            using var trained = TrainedModel.Load(checkpoint, store.Manifest, config.Device, RunConfigFile.ModelConfigOf);
            progress.Log(LogLevel.Info, $"Embedding {positions.Count} videos of the {ClassSplit.PartName(eval.Split)} classes with {trained.Name}");
            models.Add(ModelEmbeddings.Of(UniqueName(trained.Name, models), StoreEmbeddings.Embed(trained.Model, store, positions, Backbones.BackboneFactory.ToTorch(config.Device))));
        }

        var (annotated, version) = Annotated(config.Data, labels.Keys.ToHashSet(StringComparer.Ordinal), progress);
        var truth = annotated
            .Where(v => v.Segments.Count > 0)
            .Select(v => new VideoActionSpans(v.Id, v.Segments.Select(s => new ActionSpan(s.Start, s.End)).ToList()))
            .ToList();
        FewShotResult result = FewShotEvaluation.Evaluate(episodes, models, eval with { Way = episodes.Way, Shot = episodes.Shot, Query = episodes.Query }, truth, progress);

        string folder = OutputFolder.Prepare(outputFolder);
        string tag = $"{episodes.Way}way-{episodes.Shot}shot";
        var outcome = new EvaluationOutcome(
            result,
            Path.Combine(folder, $"episodes-{tag}.json"),
            Path.Combine(folder, $"results-{tag}.json"),
            Path.Combine(folder, $"results-{tag}.csv"),
            Path.Combine(folder, $"per-class-{tag}.csv"));
        EpisodeSetJson.Write(episodes, outcome.EpisodesFile);
        FewShotResultJson.Write(result, outcome.ResultJson);
        FewShotResultCsv.WriteSummary(result, outcome.ResultCsv);
        FewShotResultCsv.WritePerClass(result, outcome.PerClassCsv);
        return outcome with { ActivityNet = WriteActivityNetResults(result, annotated, version, store.Manifest, folder, tag) };
    }

    /// <summary>
    /// The official classification and detection files of each model's query videos, and the detections scored as
    /// ActivityNet's evaluation scores them against the annotated instances of those videos.
    /// </summary>
    private static IReadOnlyList<ActivityNetOutput> WriteActivityNetResults(
        FewShotResult result, IReadOnlyList<Datasets.ActivityNet.AnnotatedVideo> annotated, string version, FeatureStoreManifest manifest, string folder, string tag)
    {
        var outputs = new List<ActivityNetOutput>();
        var byId = annotated.ToDictionary(v => v.Id, StringComparer.Ordinal);
        foreach (ModelResult model in result.Models)
        {
            if (model.Predictions is not { } predictions)
            {
                continue;
            }

            string name = result.Models.Count == 1 ? tag : $"{tag}-{Slug(model.Model)}";
            var external = new ActivityNetResultJson.ExternalData(
                true,
                $"Few-shot {result.Way}-way {result.Shot}-shot episodes over the {ClassSplit.PartName(result.Split)} classes (vrec eval, {result.Episodes} episodes, seed {result.Seed.Value}); " +
                $"segment features: {manifest.Backbone}; a score is the share of the episodes the video was a query in that gave that label (and span)");
            var output = new ActivityNetOutput(
                model.Model,
                Path.Combine(folder, $"activitynet-classification-{name}.json"),
                Path.Combine(folder, $"activitynet-detection-{name}.json"),
                null);
            ActivityNetResultJson.WriteClassification(output.ClassificationFile, version, predictions, external);
            ActivityNetResultJson.WriteDetection(output.DetectionFile, version, predictions, external);
            var instances = predictions
                .SelectMany(p => byId.TryGetValue(p.Id, out var video) ? video.Segments.Select(s => new GroundTruthInstance(p.Id, s.Label, new ActionSpan(s.Start, s.End))) : [])
                .ToList();
            var detections = predictions.SelectMany(p => p.Detections.Select(d => (p.Id, d))).ToList();
            outputs.Add(instances.Count == 0 ? output : output with { DetectionMap = ActivityNetDetectionEvaluation.Evaluate(instances, detections) });
        }

        return outputs;
    }

    private static string Slug(string name) =>
        new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');

    /// <summary>
    /// The annotated videos among <paramref name="ids"/> (where each one's action happens: ActivityNet segments, or
    /// the synthetic set's FG spans), and the version the result files carry: the annotation file's own ("VERSION
    /// 1.2" for v1.2 data), or the current release's where the file does not say.
    /// </summary>
    private static (IReadOnlyList<Datasets.ActivityNet.AnnotatedVideo> Videos, string Version) Annotated(DatasetConfig data, IReadOnlySet<string> ids, IProgressReporter progress)
    {
        if (!File.Exists(data.Annotations))
        {
            progress.Log(LogLevel.Warning, $"{data.Annotations} not found: localisation is not scored");
            return ([], ActivityNetResultJson.CurrentVersion);
        }

        var annotations = DatasetAnnotations.Read(data, SilentProgress.Instance);
        return (annotations.Videos.Where(v => ids.Contains(v.Id)).ToList(), ActivityNetResultJson.VersionFor(annotations.Version));
    }

    /// <summary>A replayed set whose videos are all in the store with the labels it gives them.</summary>
    private static EpisodeSet Replayable(EpisodeSet set, string file, IReadOnlyDictionary<string, string> labels, string store)
    {
        foreach ((string id, string name) in set.VideoUses())
        {
            if (!labels.TryGetValue(id, out string? label))
            {
                throw new BadInputException($"Episode set file '{file}' uses video '{id}', which is not among the videos of the evaluated classes in the feature store {store}; replay it with the config (store and split) it was made with.");
            }

            if (label != name)
            {
                throw new BadInputException($"Episode set file '{file}' uses video '{id}' as '{name}', but the feature store {store} labels it '{label}'.");
            }
        }

        return set;
    }

    private static string UniqueName(string name, IReadOnlyList<ModelEmbeddings> taken)
    {
        string unique = name;
        for (int i = 2; taken.Any(m => m.Name == unique); i++)
        {
            unique = $"{name} ({i})";
        }

        return unique;
    }
}
