using VideoRecognition.Runs;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.Pipeline;
using VideoRecognition.Reports;
using VideoRecognition.Tests.Model;
using VideoRecognition.Tests.Recognition;
using VideoRecognition.Training;

namespace VideoRecognition.Tests.Pipeline;

/// <summary>
/// The inspection report states the model's actual decisions, over the data the demo's report is made of (a real
/// trained model's view of every video of the store, base and novel): no segment is shown FG where the open-set
/// detector says background; a base-class video shows its base prediction; a video of a class the model never saw
/// shows "unknown class" with its nearest classes and no FG at all.
/// </summary>
[Collection(TorchGlobalRandomCollection.Name)]
public sealed class InspectionTruthTests(RecognitionFixture fixture) : IClassFixture<RecognitionFixture>
{
    [Fact]
    public void No_segment_is_shown_FG_where_the_detector_says_background()
    {
        var config = fixture.Data.Config(Path.Combine(fixture.Data.Folder, "run"));
        using var store = FeatureStore.Open(config.Features.Output);
        using var trained = TrainedModel.Load(fixture.Checkpoint, store.Manifest, config.Device, RunConfigFile.ModelConfigOf);
        var ids = store.Videos.Select(v => v.Id).ToList();
        IReadOnlyList<VideoInspection> videos = InspectionJob.Describe(trained, store, config, ids, CancellationToken.None);
        double threshold = trained.Model.Config.NbgThreshold;
        var baseClasses = trained.Classes.ToHashSet();
        int background = 0;
        foreach (VideoInspection video in videos)
        {
            foreach (SegmentInspection s in video.Segments)
            {
                Assert.NotNull(s.BackgroundProbability);
                if (s.BackgroundProbability >= threshold)
                {
                    background++;
                    Assert.Equal("NBG", s.PseudoLabel);
                }
                else
                {
                    Assert.NotEqual("NBG", s.PseudoLabel);
                }
            }

            if (baseClasses.Contains(video.Label))
            {
                Assert.Contains("(base prediction", video.Answer);
                Assert.StartsWith(video.PredictedClass!, video.Answer);
            }
            else
            {
                Assert.StartsWith("unknown class; nearest base classes: ", video.Answer);
                Assert.Null(video.PredictedClass);
                Assert.DoesNotContain(video.Segments, s => s.PseudoLabel == "FG");
            }
        }

        Assert.True(background > 0, "the detector called no segment background: the check above tested nothing");
        Assert.Contains(videos, v => !baseClasses.Contains(v.Label));

        // And the page says what the data says: a row is FG only where the decision is.
        string folder = Path.Combine(fixture.Folder, "truth-report");
        InspectionReport.Write(folder, videos.Take(6).ToList(), null, [], VideoRecognition.Progress.SilentProgress.Instance);
        foreach (VideoInspection video in videos.Take(6))
        {
            string page = File.ReadAllText(Path.Combine(folder, "videos", video.Id + ".html"));
            foreach (SegmentInspection s in video.Segments)
            {
                Assert.Contains($"<tr id=\"seg-{s.Index}\" class=\"segment\" data-pseudo-label=\"{s.PseudoLabel}\"", page);
            }
        }
    }

    [Fact]
    public void The_report_suggests_the_least_sure_segments_and_the_corrections_study_chooses_the_same()
    {
        var config = fixture.Data.Config(Path.Combine(fixture.Data.Folder, "run"));
        using var store = FeatureStore.Open(config.Features.Output);
        using var trained = TrainedModel.Load(fixture.Checkpoint, store.Manifest, config.Device, RunConfigFile.ModelConfigOf);
        var baseIds = store.Videos.Where(v => trained.Classes.Contains(v.Label)).Select(v => v.Id).ToList();
        IReadOnlyList<VideoInspection> videos = InspectionJob.Describe(trained, store, config, baseIds, CancellationToken.None);
        var segments = videos.SelectMany(v => v.Segments.Select(s => (Video: v.Id, Segment: s))).ToList();

        // The margin is the distance of p(background) from its threshold, or, for a segment not called NBG, of
        // p(label) from fg_threshold when that is nearer: an NBG segment's margin is known from the page alone.
        double threshold = trained.Model.Config.NbgThreshold;
        foreach (var (_, s) in segments)
        {
            double nbg = Math.Abs(s.BackgroundProbability!.Value - threshold);
            if (s.PseudoLabel == "NBG")
            {
                Assert.Equal(nbg, s.Margin!.Value, 4);
            }
            else
            {
                Assert.True(s.Margin <= nbg + 1e-4, $"{s.Margin} > {nbg}");
            }
        }

        var suggested = segments.Where(x => x.Segment.Suggested).ToList();
        Assert.Equal(MarkSuggestions.CountOf(MarkSuggestions.ReportShare, segments.Count), suggested.Count);
        double highestSuggested = suggested.Max(x => x.Segment.Margin!.Value);
        Assert.All(segments.Where(x => !x.Segment.Suggested), x => Assert.True(x.Segment.Margin >= highestSuggested));

        // The study's uncertainty choice over the same base-class segments is the report's ranking.
        var marks = SimulatedMarks.Prepare(config, fixture.Checkpoint, CancellationToken.None);
        Assert.Equal(segments.Count, marks.Segments);
        Assert.Equal(
            suggested.Select(x => (x.Video, x.Segment.Index)).OrderBy(x => x),
            marks.Choose(MarkChoice.Uncertainty, suggested.Count).Select(m => (m.Video, m.Segment)).OrderBy(x => x));

        string folder = Path.Combine(fixture.Folder, "suggestion-report");
        var shown = videos.Where(v => v.Segments.Any(s => s.Suggested)).Take(2).ToList();
        InspectionReport.Write(folder, shown, null, [], VideoRecognition.Progress.SilentProgress.Instance);
        foreach (VideoInspection video in shown)
        {
            string page = File.ReadAllText(Path.Combine(folder, "videos", video.Id + ".html"));
            Assert.Equal(video.Segments.Count(s => s.Suggested), page.Split("data-suggested=\"true\"").Length - 1);
            Assert.Contains("mark this first", page);
        }
    }
}
