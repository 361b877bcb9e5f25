namespace VideoRecognition.FewShot;

/// <summary>
/// Folds one model's per-episode answers into one <see cref="QueryVideoPrediction"/> per query video. Spans lie on
/// the video's fixed segment grid, so the same span recurs exactly across episodes and is counted, not merged.
/// </summary>
internal static class QueryVideoPredictions
{
    public static IReadOnlyList<QueryVideoPrediction> Of(EpisodeIndex index, EpisodeRun run)
    {
        int perEpisode = index.Way * index.QueryPerClass;
        var queries = new int[index.VideoIds.Length];
        var classCounts = new Dictionary<string, int>?[index.VideoIds.Length];
        var spanCounts = new Dictionary<(string Label, ActionSpan Span), int>?[index.VideoIds.Length];
        for (int instance = 0; instance < run.Predicted.Length; instance++)
        {
            int episode = instance / perEpisode;
            int row = index.Query[instance];
            string label = index.ClassNames[index.ClassesOf(episode)[run.Predicted[instance]]];
            queries[row]++;
            var classes = classCounts[row] ??= new Dictionary<string, int>(StringComparer.Ordinal);
            classes[label] = classes.GetValueOrDefault(label) + 1;
            if (run.Spans.Length > 0 && run.Spans[instance] is { } spans)
            {
                var counted = spanCounts[row] ??= [];
                foreach (ScoredSpan span in spans)
                {
                    counted[(label, span.Span)] = counted.GetValueOrDefault((label, span.Span)) + 1;
                }
            }
        }

        var predictions = new List<QueryVideoPrediction>();
        for (int row = 0; row < queries.Length; row++)
        {
            if (queries[row] == 0)
            {
                continue; // a support-only video
            }

            double n = queries[row];
            var classes = classCounts[row]!
                .Select(p => new ClassScore(p.Key, p.Value / n))
                .OrderByDescending(c => c.Score).ThenBy(c => c.Label, StringComparer.Ordinal)
                .ToList();
            var detections = (spanCounts[row] ?? [])
                .Select(p => new DetectedAction(p.Key.Label, p.Value / n, p.Key.Span))
                .OrderByDescending(d => d.Score).ThenBy(d => d.Label, StringComparer.Ordinal).ThenBy(d => d.Segment.Start)
                .ToList();
            predictions.Add(new QueryVideoPrediction(index.VideoIds[row], queries[row], classes, detections));
        }

        return predictions;
    }
}
