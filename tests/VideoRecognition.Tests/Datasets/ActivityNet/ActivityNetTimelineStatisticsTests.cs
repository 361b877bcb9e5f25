using System.Text.Json;
using VideoRecognition.Datasets.ActivityNet;
using Xunit.Abstractions;

namespace VideoRecognition.Tests.Datasets.ActivityNet;

public sealed class ActivityNetTimelineStatisticsTests(ITestOutputHelper output)
{
    /// <summary>Recomputes <see cref="ActivityNetTimelineStatistics.V13"/> from the real annotations in ../shared/data.</summary>
    [SharedDataFact("activitynet")]
    public void The_hard_coded_numbers_match_the_real_annotations()
    {
        string file = Path.Combine(SharedDataFactAttribute.SharedDataPath("activitynet")!, "anet_anno_action.json");
        ActivityNetTimelineStatistics measured = ActivityNetTimelineStatistics.Measure(ReadProposalLayout(file));
        ActivityNetTimelineStatistics expected = ActivityNetTimelineStatistics.V13;
        output.WriteLine($"measured from {file}: {measured}");

        Assert.Equal(expected.Videos, measured.Videos);
        AssertRelative(expected.DurationMean, measured.DurationMean);
        AssertRelative(expected.DurationMedian, measured.DurationMedian);
        AssertRelative(expected.DurationStd, measured.DurationStd);
        for (int i = 0; i < 11; i++)
        {
            AssertRelative(expected.DurationDeciles[i], measured.DurationDeciles[i]);
        }

        Assert.Equal(expected.ForegroundFractionMean, measured.ForegroundFractionMean, 0.01);
        Assert.Equal(expected.ForegroundFractionMedian, measured.ForegroundFractionMedian, 0.01);
        Assert.Equal(expected.ForegroundFractionStd, measured.ForegroundFractionStd, 0.01);
        for (int i = 0; i < expected.ForegroundFractionQuantiles.Count; i++)
        {
            Assert.Equal(expected.ForegroundFractionQuantiles[i], measured.ForegroundFractionQuantiles[i], 0.01);
        }

        Assert.Equal(expected.ShareNearlyAllForeground, measured.ShareNearlyAllForeground, 0.01);
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(expected.InstanceCountProbabilities[i], measured.InstanceCountProbabilities[i], 0.01);
        }

        Assert.Equal(expected.InstanceCountMean, measured.InstanceCountMean, 0.01);
        Assert.Equal(expected.InstanceLengthMean, measured.InstanceLengthMean, 0.01);
        Assert.Equal(expected.InstanceLengthMedian, measured.InstanceLengthMedian, 0.01);
    }

    [Fact]
    public void Union_counts_overlapping_and_overrunning_segments_once()
    {
        ActivityNetTimelineStatistics s = ActivityNetTimelineStatistics.Measure(
        [
            new AnnotatedTimeline(10, [(0, 4), (2, 6), (8, 12)]),
            new AnnotatedTimeline(5, []),
        ]);
        Assert.Equal(1, s.Videos);
        Assert.Equal(0.8, s.ForegroundFractionMean, 9);
        Assert.Equal(3, s.InstanceCountMean);
        Assert.Equal(1.0, s.InstanceCountProbabilities[2]);
    }

    // Seconds and shares are compared within 0.01 (absolute); durations in seconds within 1% (relative).
    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 0.01 * Math.Abs(expected), $"expected {expected}, measured {actual}");

    private static IEnumerable<AnnotatedTimeline> ReadProposalLayout(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        var timelines = new List<AnnotatedTimeline>();
        foreach (JsonProperty video in document.RootElement.EnumerateObject())
        {
            timelines.Add(new AnnotatedTimeline(
                video.Value.GetProperty("duration_second").GetDouble(),
                video.Value.GetProperty("annotations").EnumerateArray()
                    .Select(a => (a.GetProperty("segment")[0].GetDouble(), a.GetProperty("segment")[1].GetDouble()))
                    .ToArray()));
        }

        return timelines;
    }
}
