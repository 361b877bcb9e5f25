using VideoRecognition.Configuration;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>
/// The novel-class few-shot test: every model is run on the same episodes (the set's N, K, Q; the config's
/// classifier and localisation settings). Episodes run in parallel; each writes its own cells and the summary
/// is combined in episode order, so results do not depend on the number of threads.
/// </summary>
public static class FewShotEvaluation
{
    private const int Block = 1024;

    /// <summary>
    /// Evaluates every model on the episodes. <paramref name="groundTruth"/>: action spans per video for
    /// localisation; null or empty to skip it. Queries without an entry are left out of localisation.
    /// </summary>
    public static FewShotResult Evaluate(
        EpisodeSet episodes,
        IReadOnlyList<ModelEmbeddings> models,
        EvaluationConfig config,
        IReadOnlyList<VideoActionSpans>? groundTruth = null,
        IProgressReporter? progress = null)
    {
        progress ??= SilentProgress.Instance;
        ConfigValidation.ThrowIfInvalid(config, "eval");
        if (models.Count == 0)
        {
            throw new BadInputException("No model embeddings to evaluate: give at least one model.");
        }

        string? twice = models.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice is not null)
        {
            throw new BadInputException($"Model name '{twice}' is given twice; models are told apart by name in the results.");
        }

        EpisodeIndex index = EpisodeIndex.Build(episodes);
        IReadOnlyList<ActionSpan>?[] truthPerRow = TruthPerRow(index, groundTruth);
        bool anyTruth = truthPerRow.Any(t => t is not null);
        IEpisodeClassifier classifier = config.Classifier switch
        {
            FewShotClassifierKind.Prototype => new PrototypeClassifier(),
            FewShotClassifierKind.LogisticRegression => new LogisticRegressionClassifier(config.LogisticIterations, config.LogisticL2),
            _ => throw new ArgumentOutOfRangeException(nameof(config)),
        };

        var results = new List<ModelResult>(models.Count);
        using IProgressTask task = progress.Start("few-shot episodes", (long)index.Count * models.Count, "episodes");
        foreach (ModelEmbeddings model in models)
        {
            EmbeddingTable table = EmbeddingTable.Build(index, model.Name, model.Videos, withSegments: anyTruth || config.ActivitynetResults);
            var run = new EpisodeRun(index, localise: (anyTruth || config.ActivitynetResults) && table.HasSegments);
            for (int start = 0; start < index.Count; start += Block)
            {
                Parallel.For(
                    start,
                    Math.Min(index.Count, start + Block),
                    () => new EpisodeWorkspace(index.Way, index.Shot, index.QueryPerClass, table.Dimension),
                    (e, _, workspace) =>
                    {
                        EpisodeRun.RunEpisode(e, index, table, classifier, config, truthPerRow, workspace, run);
                        return workspace;
                    },
                    _ => { });
                task.Advance(Math.Min(Block, index.Count - start));
            }

            results.Add(EpisodeSummary.Of(model.Name, index, run, truthPerRow, config.ActivitynetResults));
        }

        return new FewShotResult(episodes.Split, episodes.Way, episodes.Shot, episodes.Query, episodes.Seed, index.Count, config.Classifier, results);
    }

    private static IReadOnlyList<ActionSpan>?[] TruthPerRow(EpisodeIndex index, IReadOnlyList<VideoActionSpans>? groundTruth)
    {
        var perRow = new IReadOnlyList<ActionSpan>?[index.VideoIds.Length];
        if (groundTruth is null || groundTruth.Count == 0)
        {
            return perRow;
        }

        var byId = new Dictionary<string, IReadOnlyList<ActionSpan>>(StringComparer.Ordinal);
        foreach (VideoActionSpans video in groundTruth)
        {
            if (!byId.TryAdd(video.Id, video.Spans))
            {
                throw new BadInputException($"Ground truth lists video '{video.Id}' twice; give all its action spans in one entry.");
            }

            foreach (ActionSpan span in video.Spans)
            {
                if (!(span.End > span.Start))
                {
                    throw new BadInputException($"Ground truth of video '{video.Id}' has the span [{span.Start}, {span.End}); a span must end after it starts.");
                }
            }
        }

        for (int r = 0; r < perRow.Length; r++)
        {
            perRow[r] = byId.GetValueOrDefault(index.VideoIds[r]);
        }

        return perRow;
    }
}
