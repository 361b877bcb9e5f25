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
}
