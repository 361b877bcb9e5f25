namespace VideoRecognition.FewShot;

/// <summary>Turns one model's per-query cells into its result, reading episodes in order.</summary>
internal static class EpisodeSummary
{
    public static ModelResult Of(string model, EpisodeIndex index, EpisodeRun run, IReadOnlyList<ActionSpan>?[] truthPerRow, bool predictions)
    {
        int n = index.Way;
        int q = index.QueryPerClass;
        int classCount = index.ClassNames.Length;
        var accuracies = new double[index.Count];
        var counts = new long[classCount][];
        for (int c = 0; c < classCount; c++)
        {
            counts[c] = new long[classCount];
        }

        for (int e = 0; e < index.Count; e++)
        {
            ReadOnlySpan<int> classes = index.ClassesOf(e);
            ReadOnlySpan<int> predicted = run.Predicted.AsSpan(e * n * q, n * q);
            int correct = 0;
            for (int i = 0; i < predicted.Length; i++)
            {
                int truth = i / q;
                correct += predicted[i] == truth ? 1 : 0;
                counts[classes[truth]][classes[predicted[i]]]++;
            }

            accuracies[e] = (double)correct / predicted.Length;
        }

        var perClass = new ClassAccuracy[classCount];
        for (int c = 0; c < classCount; c++)
        {
            perClass[c] = new ClassAccuracy(index.ClassNames[c], counts[c].Sum(), counts[c][c]);
        }

        return new ModelResult(
            model,
            AccuracyInterval.Of(accuracies),
            perClass,
            new ConfusionMatrix(index.ClassNames, counts),
            Localisation(index, run, truthPerRow),
            accuracies,
            predictions ? QueryVideoPredictions.Of(index, run) : null);
    }

    private static LocalisationResult? Localisation(EpisodeIndex index, EpisodeRun run, IReadOnlyList<ActionSpan>?[] truthPerRow)
    {
        if (run.Spans.Length == 0)
        {
            return null;
        }

        var truth = new List<IReadOnlyList<ActionSpan>>();
        var predictions = new List<(int Video, ScoredSpan Prediction)>();
        double iouSum = 0.0;
        long iouCount = 0;
        for (int instance = 0; instance < run.Spans.Length; instance++)
        {
            List<ScoredSpan>? spans = run.Spans[instance];
            IReadOnlyList<ActionSpan>? instanceTruth = truthPerRow[index.Query[instance]];
            if (spans is null || instanceTruth is null)
            {
                continue;
            }

            int video = truth.Count;
            truth.Add(instanceTruth);
            predictions.AddRange(spans.Select(s => (video, s)));
            if (!double.IsNaN(run.TemporalIoU[instance]))
            {
                iouSum += run.TemporalIoU[instance];
                iouCount++;
            }
        }

        return truth.Count == 0
            ? null
            : new LocalisationResult(
                truth.Count,
                predictions.Count,
                iouCount == 0 ? double.NaN : iouSum / iouCount,
                AveragePrecision.Detection(predictions, truth, LocalisationResult.TIoUThreshold),
                ActivityNetDetectionEvaluation.Thresholds.Average(t => AveragePrecision.Detection(predictions, truth, t)));
    }
}
