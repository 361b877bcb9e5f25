using OpenCvSharp;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class NbgShotTests
{
    /// <summary>The kinds benchmark v2 added so that NBG is not told from content by pixel statistics.</summary>
    private static readonly SpanContent[] NewKinds = [SpanContent.TitleCard, SpanContent.Logo, SpanContent.UnrelatedFootage, SpanContent.CameraShake];

    [Fact]
    public void No_nbg_kind_paints_an_actor_like_pixel_though_content_frames_have_many()
    {
        using var frame = new Mat(120, 160, MatType.CV_8UC3);
        foreach (SpanContent kind in NbgShot.Kinds)
        {
            for (int seed = 0; seed < 40; seed++)
            {
                using NbgShot shot = NbgShot.Open(kind, 160, 120, 10, new Random(seed));
                foreach (int index in new[] { 0, 9, 19 })
                {
                    shot.Paint(frame, index, 20);
                    int actorLike = ActorPixels.Any(frame);
                    Assert.True(actorLike == 0, $"{kind} shot {seed}, frame {index}: {actorLike} actor-like pixels");
                }
            }
        }

        // The same detector finds every class's actor: the check above is not blind.
        SyntheticClass[] classes = ClassCatalogue.Build(new SyntheticConfig(), Seed.From(0)).ToArray();
        var random = new Random(1);
        foreach (SyntheticClass c in classes)
        {
            using var painter = new FramePainter(160, 120, c.HomeScene, 1.0);
            painter.PaintContent(ActorPerformance.Draw(c, random, 1.0), null, 0.7);
            Assert.True(ActorPixels.Any(painter.Frame) >= 30, $"{c.Name}: the actor has {ActorPixels.Any(painter.Frame)} actor-like pixels");
        }
    }

    [Fact]
    public void Shots_of_a_kind_differ_from_span_to_span()
    {
        foreach (SpanContent kind in NewKinds.Append(SpanContent.Blur).Append(SpanContent.Fade))
        {
            var random = new Random(3);
            using var first = new Mat(120, 160, MatType.CV_8UC3);
            using var second = new Mat(120, 160, MatType.CV_8UC3);
            using (NbgShot a = NbgShot.Open(kind, 160, 120, 10, random))
            using (NbgShot b = NbgShot.Open(kind, 160, 120, 10, random))
            {
                a.Paint(first, 5, 10);
                b.Paint(second, 5, 10);
            }

            using var diff = new Mat();
            Cv2.Absdiff(first, second, diff);
            Assert.True(Cv2.Mean(diff).Val0 > 5, $"two {kind} shots look the same");
        }
    }

    [Fact]
    public void A_distractor_adds_a_second_colour_family_that_is_not_on_screen()
    {
        SyntheticClass actorClass = ClassCatalogue.Build(new SyntheticConfig(), Seed.From(0))[0];
        var random = new Random(5);
        var seen = new HashSet<Bgr>();
        for (int i = 0; i < 200; i++)
        {
            Distractor distractor = Distractor.Draw(random, [actorClass.Colour], jitter: 0, 160, 120);
            ActorColour family = ActorColour.All.Single(f => f.Nominal == distractor.Colour);
            Assert.NotEqual(actorClass.Colour, family);
            seen.Add(distractor.Colour);
            using var painter = new FramePainter(160, 120, actorClass.HomeScene, 1.0);
            painter.PaintContent(null, distractor, 3.0);
            Assert.True(ActorPixels.Near(painter.Frame, family, 0) >= 30, $"distractor {i} is hardly visible");
        }

        Assert.Equal(ActorColour.All.Count - 1, seen.Count);
    }

    /// <summary>
    /// Decoded frames of the new NBG kinds against FG frames: per-frame grey mean and standard deviation. Most
    /// NBG frames (70%) must fall inside the range FG frames cover in both, so that neither number separates them.
    /// </summary>
    [Fact]
    public void New_nbg_kinds_appear_and_their_mean_and_contrast_lie_within_the_foregrounds()
    {
        string folder = Path.Combine(Path.GetTempPath(), "vrec-synth-nbg-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Enough classes that FG frames come from every scene, as they do in the default dataset.
            SyntheticConfig config = SmallSyntheticDataset.SmallConfig(folder) with { Classes = 16, VideosPerClass = 2, MinDuration = 8.0, NbgShareOfBackground = 0.9, DistractorShare = 0.3 };
            SyntheticDataset.Generate(config, Seed.From(21), SilentProgress.Instance, CancellationToken.None);
            var layout = new SyntheticDatasetLayout(folder);
            var statistics = new Dictionary<string, List<(double Mean, double Std)>>();
            foreach (GroundTruthVideo video in GroundTruthJson.Read(layout.GroundTruth).Videos)
            {
                List<Mat> frames = SmallSyntheticDataset.DecodeAll(layout.Video(video.Id));
                foreach (GroundTruthSpan span in video.Spans)
                {
                    var list = statistics.TryGetValue(span.Shows, out var l) ? l : statistics[span.Shows] = [];
                    for (int f = span.StartFrame; f < span.EndFrame; f += 3)
                    {
                        using var grey = new Mat();
                        Cv2.CvtColor(frames[f], grey, ColorConversionCodes.BGR2GRAY);
                        Cv2.MeanStdDev(grey, out Scalar mean, out Scalar std);
                        list.Add((mean.Val0, std.Val0));
                    }
                }

                frames.ForEach(f => f.Dispose());
            }

            List<(double Mean, double Std)> fg = statistics["action"];
            (double low, double high) meanRange = (fg.Min(s => s.Mean), fg.Max(s => s.Mean));
            (double low, double high) stdRange = (fg.Min(s => s.Std), fg.Max(s => s.Std));
            foreach (string kind in NewKinds.Select(GroundTruthJson.ShowsName))
            {
                Assert.True(statistics.TryGetValue(kind, out var nbg) && nbg.Count >= 10, $"{kind}: too few frames rendered to judge");
                double inside = nbg.Count(s => s.Mean >= meanRange.low && s.Mean <= meanRange.high && s.Std >= stdRange.low && s.Std <= stdRange.high) / (double)nbg.Count;
                Assert.True(inside >= 0.7, $"{kind}: only {inside:P0} of {nbg.Count} frames lie inside the FG range (mean {meanRange}, std {stdRange})");
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
