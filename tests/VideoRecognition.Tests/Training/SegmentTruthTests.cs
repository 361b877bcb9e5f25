using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Model;
using VideoRecognition.Training;

namespace VideoRecognition.Tests.Training;

/// <summary>
/// The two rules other tests build their expectations from (what a segment is, how many segments a share is),
/// checked here against values worked out by hand.
/// </summary>
public sealed class SegmentTruthTests
{
    // 100 frames in 4 segments of 25: FG [0,30), IBG [30,45), NBG [45,55), nothing in [55,80), FG [80,100).
    private static readonly GroundTruthVideo Video = new("v", "a", "training", "park", 10, 100, 10.0,
    [
        new GroundTruthSpan(0, 30, 0.0, 3.0, SpanKind.FG, "a", "Action"),
        new GroundTruthSpan(30, 45, 3.0, 4.5, SpanKind.IBG, null, "Scene"),
        new GroundTruthSpan(45, 55, 4.5, 5.5, SpanKind.NBG, null, "Black"),
        new GroundTruthSpan(80, 100, 8.0, 10.0, SpanKind.FG, "a", "Action"),
    ]);

    [Theory]
    [InlineData(0, PseudoLabel.Fg)]   // 25 frames of FG
    [InlineData(1, PseudoLabel.Ibg)]  // FG 5, IBG 15, NBG 5: the kind covering most frames
    [InlineData(2, PseudoLabel.Nbg)]  // NBG 5 and 20 frames no span covers
    [InlineData(3, PseudoLabel.Fg)]   // FG 20 of 25
    public void A_segment_takes_the_kind_covering_most_of_its_frames(int segment, PseudoLabel expected) =>
        Assert.Equal(expected, SegmentTruth.Majority(Video, segment, segments: 4));

    [Fact]
    public void Frames_no_span_covers_count_as_non_informative_background()
    {
        var bare = Video with { Spans = [] };
        Assert.All(Enumerable.Range(0, 4), t => Assert.Equal(PseudoLabel.Nbg, SegmentTruth.Majority(bare, t, segments: 4)));
    }

    [Theory]
    [InlineData(0.2, 2400, 480)]
    [InlineData(0.5, 3, 2)]       // 1.5 rounds away from zero
    [InlineData(0.01, 50, 1)]     // 0.5 rounds up
    [InlineData(0.001, 100, 1)]   // 0.1 would be none: a share of a small set still asks about one
    [InlineData(1.0, 7, 7)]
    [InlineData(0.05, 0, 0)]      // nothing to mark
    public void A_share_of_segments_is_rounded_and_at_least_one(double share, int total, int expected) =>
        Assert.Equal(expected, MarkSuggestions.CountOf(share, total));
}
