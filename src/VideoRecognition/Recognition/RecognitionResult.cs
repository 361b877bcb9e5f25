using VideoRecognition.FewShot;

namespace VideoRecognition.Recognition;

/// <summary>One recognised query with the file it came from and its timing.</summary>
public sealed record RecognisedQuery(ExtractedVideo Source, QueryRecognition Recognition, double[] SegmentStarts, double[] SegmentEnds, float[] Weights, float[]? BackgroundProbability);

/// <summary>
/// Everything `vrec recognise` found: the support classes (and videos used), the open-set threshold and how it
/// was chosen, one answer per usable query, the files that were skipped and, where the queries carry classes,
/// how good the answers were.
/// </summary>
public sealed record RecognitionResult(
    string Checkpoint,
    IReadOnlyList<string> Classes,
    IReadOnlyList<ExtractedVideo> Support,
    double Threshold,
    string ThresholdRule,
    IReadOnlyList<RecognisedQuery> Queries,
    IReadOnlyList<SkippedVideo> Skipped,
    RecognitionScore? Score,
    string OutputFolder,
    string ReportIndex);

/// <summary>
/// How good the answers were, for queries whose class is given: top-1 accuracy over queries of a support
/// class (a "none of these" answer counts as wrong), mean tIoU of the top class's predicted spans against the
/// given spans, and how often "none of these" was answered for queries of support classes and of other classes
/// (a detector that knows nothing answers both equally often). NoneRateChance is the chance level of both
/// rates: the rate over all labelled queries, what a rule that cannot tell support classes from others would
/// give each group; a rate above it for other classes and below it for support classes says the open-set
/// answer carries information. Top1Chance is a guess among the support classes, 1 / classes.
/// </summary>
public sealed record RecognitionScore(
    int KnownQueries,
    double Top1Accuracy,
    int QueriesWithSpans,
    double MeanTemporalIoU,
    double NoneRateKnown,
    int UnknownQueries,
    double NoneRateUnknown,
    double NoneRateChance,
    double Top1Chance)
{
    public static RecognitionScore? Of(IReadOnlyList<string> classes, IReadOnlyList<RecognisedQuery> queries)
    {
        var labelled = queries.Where(q => q.Source.Video.Class is not null).ToList();
        if (labelled.Count == 0)
        {
            return null;
        }

        var known = labelled.Where(q => classes.Contains(q.Source.Video.Class!, StringComparer.Ordinal)).ToList();
        var unknown = labelled.Except(known).ToList();
        var withSpans = known.Where(q => q.Source.Video.Spans.Count > 0).ToList();
        return new RecognitionScore(
            known.Count,
            Share(known, q => q.Recognition.Predicted == q.Source.Video.Class),
            withSpans.Count,
            withSpans.Count == 0 ? double.NaN : withSpans.Average(q => TemporalIoU.BestMatching(q.Recognition.Spans.Select(s => s.Span).ToList(), q.Source.Video.Spans)),
            Share(known, q => q.Recognition.NoneOfThese),
            unknown.Count,
            Share(unknown, q => q.Recognition.NoneOfThese),
            Share(labelled, q => q.Recognition.NoneOfThese),
            classes.Count == 0 ? double.NaN : 1.0 / classes.Count);
    }

    private static double Share(IReadOnlyList<RecognisedQuery> queries, Func<RecognisedQuery, bool> test) =>
        queries.Count == 0 ? double.NaN : queries.Count(test) / (double)queries.Count;
}
