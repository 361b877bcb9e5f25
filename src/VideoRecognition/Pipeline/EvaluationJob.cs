using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.FewShot;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Pipeline;

/// <summary>What `vrec eval` wrote.</summary>
public sealed record EvaluationOutcome(FewShotResult Result, string EpisodesFile, string ResultJson, string ResultCsv, string PerClassCsv);

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
        var models = new List<ModelEmbeddings>();
        foreach (string checkpoint in checkpoints)
        {
            ct.ThrowIfCancellationRequested();
            using var trained = TrainedModel.Load(checkpoint, store.Manifest, config.Device);
            progress.Log(LogLevel.Info, $"Embedding {positions.Count} videos of the {ClassSplit.PartName(eval.Split)} classes with {trained.Name}");
            models.Add(ModelEmbeddings.Of(UniqueName(trained.Name, models), StoreEmbeddings.Embed(trained.Model, store, positions, Backbones.BackboneFactory.ToTorch(config.Device))));
        }

        EpisodeSet episodes = replayEpisodes is null
            ? EpisodeSampler.Sample(classes, models[0].Videos.Values, eval, Seed.From(config.Seed).Derive("eval.episodes"))
            : EpisodeSetJson.Read(replayEpisodes);
        var truth = GroundTruthSpans(config.Data, positions.Select(p => store.Videos[p].Id).ToHashSet(StringComparer.Ordinal), progress);
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
        return outcome;
    }

    /// <summary>Where each video's action happens, from the annotation file (ActivityNet segments, or the synthetic set's FG spans).</summary>
    private static IReadOnlyList<VideoActionSpans> GroundTruthSpans(DatasetConfig data, IReadOnlySet<string> ids, IProgressReporter progress)
    {
        if (!File.Exists(data.Annotations))
        {
            progress.Log(LogLevel.Warning, $"{data.Annotations} not found: localisation is not scored");
            return [];
        }

        var annotations = ExtractionJob.ReadAnnotations(data, SilentProgress.Instance);
        return annotations.Videos
            .Where(v => ids.Contains(v.Id) && v.Segments.Count > 0)
            .Select(v => new VideoActionSpans(v.Id, v.Segments.Select(s => new ActionSpan(s.Start, s.End)).ToList()))
            .ToList();
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
