using System.Globalization;
using VideoRecognition.FewShot;
using VideoRecognition.Progress;
using VideoRecognition.Recognition;
using VideoRecognition.Video;

namespace VideoRecognition.Reports;

/// <summary>
/// The HTML report of `vrec recognise`: the inspection report's index and pages, one page per query with its
/// answer (a support class, or "none of these" with the nearest classes), the open-set decision of every
/// segment (FG inside the predicted span, IBG, NBG where the detector calls it background), the marking
/// buttons, and the thumbnails of the support videos of its top classes beside it.
/// </summary>
public static class RecognitionReport
{
    private const int SupportClassesShown = 3;

    /// <summary>Writes the report into <paramref name="folder"/>; supportWeights are each support video's self-weights by id (its thumbnail is its highest-weighted segment).</summary>
    public static string Write(string folder, RecognitionResult result, IReadOnlyDictionary<string, float[]> supportWeights, IProgressReporter progress, CancellationToken ct)
    {
        var pages = result.Queries.Select(q => Page(q, result, supportWeights)).ToList();
        return InspectionReport.Write(folder, pages, null, [], progress, ct);
    }

    public static string Answer(QueryRecognition r, double threshold)
    {
        string nearest = string.Join(", ", r.Ranked.Take(3).Select(c => $"{c.Label} {Number(c.Score)}"));
        return r.Predicted is { } answer
            ? $"{answer} (similarity {Number(r.BestSimilarity)})"
            : $"{RecognitionJson.NoneOfThese} (nearest: {nearest}; threshold {Number(threshold)})";
    }

    private static VideoInspection Page(RecognisedQuery query, RecognitionResult result, IReadOnlyDictionary<string, float[]> supportWeights)
    {
        QueryRecognition r = query.Recognition;
        VideoProbe probe = query.Source.Probe;
        var sampled = new SegmentSampler(r.Decisions.Count).TestFrames(probe);
        string top = r.Ranked[0].Label;
        var segments = sampled.Select(s => new SegmentInspection(
            s.Index,
            query.SegmentStarts[s.Index],
            query.SegmentEnds[s.Index],
            s.Frames[0],
            query.Weights[s.Index],
            r.Decisions[s.Index].ToString().ToUpperInvariant(),
            [new ClassProbability(top, Math.Max(0.0, r.Similarity[s.Index]))],
            query.BackgroundProbability?[s.Index],
            Truth(query, s.StartSeconds, s.EndSeconds),
            null)).ToList();
        var shownClasses = r.Ranked.Take(SupportClassesShown).Select(c => c.Label).ToList();
        var support = result.Support
            .Where(v => shownClasses.Contains(v.Video.Class!))
            .OrderBy(v => shownClasses.IndexOf(v.Video.Class!))
            .Select(v => new SupportThumbnail(v.Video.Id, v.Video.Class!, v.Probe.Path, Frame(v, supportWeights)))
            .ToList();
        return new VideoInspection(
            r.Id, query.Source.Video.Class ?? "(no class given)", r.Predicted, probe.Path, probe.Fps, probe.DecodedFrames, probe.DurationSeconds, segments)
        {
            Answer = Answer(r, result.Threshold),
            MarkClasses = [.. r.Ranked.Select(c => c.Label), .. result.Classes],
            Support = support,
        };
    }

    /// <summary>FG where the given spans cover most of the segment, "not FG" elsewhere; null when the query has no spans.</summary>
    private static string? Truth(RecognisedQuery query, double start, double end)
    {
        if (query.Source.Video.Spans.Count == 0)
        {
            return null;
        }

        double covered = query.Source.Video.Spans.Sum(s => Math.Max(0, Math.Min(end, s.End) - Math.Max(start, s.Start)));
        return covered >= (end - start) / 2 ? "FG" : "not FG";
    }

    private static int Frame(ExtractedVideo video, IReadOnlyDictionary<string, float[]> supportWeights)
    {
        var sampled = new SegmentSampler(supportWeights[video.Video.Id].Length).TestFrames(video.Probe);
        float[] w = supportWeights[video.Video.Id];
        int best = Array.IndexOf(w, w.Max());
        return sampled[best].Frames[0];
    }

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
