using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Features;
using VideoRecognition.Model;

namespace VideoRecognition.Training;

/// <summary>
/// What each of a video's T segments really shows, where ground truth exists (the synthetic set): the kind
/// covering most of the segment's frames, as a <see cref="PseudoLabel"/> value, so pseudo-labels can be
/// scored against it.
/// </summary>
public sealed class SegmentTruth
{
    private readonly Dictionary<string, long[]> kinds;

    private SegmentTruth(Dictionary<string, long[]> kinds) => this.kinds = kinds;

    public static SegmentTruth? Load(string groundTruthPath, FeatureStore store) =>
        Load(groundTruthPath, store.Videos.Select(v => v.Id), store.Manifest.Segments);

    /// <summary>The truth of the given videos cut into <paramref name="segments"/> segments, or null without a ground-truth file.</summary>
    public static SegmentTruth? Load(string groundTruthPath, IEnumerable<string> videoIds, int segments)
    {
        if (groundTruthPath.Length == 0 || !File.Exists(groundTruthPath))
        {
            return null;
        }

        var truth = GroundTruthJson.Read(groundTruthPath).Videos.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var kinds = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (string id in videoIds)
        {
            if (truth.TryGetValue(id, out var gt))
            {
                kinds[id] = Enumerable.Range(0, segments).Select(t => (long)Majority(gt, t, segments)).ToArray();
            }
        }

        return new SegmentTruth(kinds);
    }

    /// <summary>The kinds of one video's segments, or null when it has no ground truth.</summary>
    public long[]? Of(string id) => kinds.GetValueOrDefault(id);

    /// <summary>The span kind covering most frames of segment t of T (equal segments over the decoded frames, as the sampler cuts them).</summary>
    public static PseudoLabel Majority(GroundTruthVideo video, int t, int segments)
    {
        double start = video.Frames * (double)t / segments;
        double end = video.Frames * (double)(t + 1) / segments;
        var cover = new Dictionary<SpanKind, double>();
        foreach (var span in video.Spans)
        {
            double overlap = Math.Min(end, span.EndFrame) - Math.Max(start, span.StartFrame);
            if (overlap > 0)
            {
                cover[span.Kind] = cover.GetValueOrDefault(span.Kind) + overlap;
            }
        }

        SpanKind kind = cover.Count == 0 ? SpanKind.NBG : cover.MaxBy(p => p.Value).Key;
        return kind switch
        {
            SpanKind.FG => PseudoLabel.Fg,
            SpanKind.IBG => PseudoLabel.Ibg,
            _ => PseudoLabel.Nbg,
        };
    }
}
