using OpenCvSharp;
using VideoRecognition.Datasets;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Datasets.Synthetic;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class SyntheticDatasetTests(SmallSyntheticDataset dataset) : IClassFixture<SmallSyntheticDataset>
{
    [Fact]
    public void Every_video_decodes_to_the_ground_truth_frame_count_and_annotated_duration()
    {
        ActivityNetFile annotations = ActivityNetJson.Read(dataset.Layout.Annotations);
        GroundTruthFile truth = GroundTruthJson.Read(dataset.Layout.GroundTruth);
        Assert.Equal(12, truth.Videos.Count);
        Assert.Equal(12, annotations.Database.Count);
        Assert.Equal(12, Directory.GetFiles(dataset.Layout.Videos).Length);
        foreach (GroundTruthVideo video in truth.Videos)
        {
            List<Mat> frames = SmallSyntheticDataset.DecodeAll(dataset.Layout.Video(video.Id));
            Assert.Equal(video.Frames, frames.Count);
            Assert.All(frames, f => Assert.Equal((160, 120), (f.Width, f.Height)));
            frames.ForEach(f => f.Dispose());
            Assert.Equal(video.Frames / video.Fps, annotations.Database[video.Id].Duration, 3);
            Assert.Equal("160x120", annotations.Database[video.Id].Resolution);
        }
    }

    [Fact]
    public void Spans_cover_each_video_exactly_once_and_foreground_spans_are_the_annotations()
    {
        ActivityNetFile annotations = ActivityNetJson.Read(dataset.Layout.Annotations);
        foreach (GroundTruthVideo video in GroundTruthJson.Read(dataset.Layout.GroundTruth).Videos)
        {
            int cursor = 0;
            foreach (GroundTruthSpan span in video.Spans)
            {
                Assert.Equal(cursor, span.StartFrame);
                Assert.True(span.EndFrame > span.StartFrame, $"{video.Id}: empty span at frame {cursor}");
                Assert.Equal(span.StartFrame / video.Fps, span.Start, 3);
                Assert.Equal(span.EndFrame / video.Fps, span.End, 3);
                Assert.Equal(span.Kind == SpanKind.FG, span.VisibleClass == video.Label && span.Shows == "action");
                cursor = span.EndFrame;
            }

            Assert.Equal(video.Frames, cursor);
            Assert.Equal(video.Duration, video.Spans[^1].End, 3);

            ActivityNetVideo entry = annotations.Database[video.Id];
            Assert.Equal(video.Subset, entry.Subset);
            Assert.All(entry.Annotations, a => Assert.Equal(video.Label, a.Label));
            var foreground = video.Spans.Where(s => s.Kind == SpanKind.FG).Select(s => (s.StartFrame, s.EndFrame)).ToArray();
            var annotated = entry.Annotations
                .Select(a => ((int)Math.Round(a.Start * video.Fps), (int)Math.Round(a.End * video.Fps))).ToArray();
            Assert.NotEmpty(foreground);
            Assert.Equal(foreground, annotated);
        }
    }

    [Fact]
    public void Decoded_frames_show_what_the_ground_truth_says()
    {
        GroundTruthFile truth = GroundTruthJson.Read(dataset.Layout.GroundTruth);
        Dictionary<string, ActorColour> families = Catalogue().ToDictionary(c => c.Name, c => c.Colour);
        double jitter = dataset.Config.AppearanceJitter;
        var checkedKinds = new HashSet<string>();
        foreach (GroundTruthVideo video in truth.Videos)
        {
            List<Mat> frames = SmallSyntheticDataset.DecodeAll(dataset.Layout.Video(video.Id));
            Mat Middle(GroundTruthSpan s) => frames[(s.StartFrame + s.EndFrame) / 2];
            ActorColour own = families[video.Label];
            GroundTruthSpan fg = video.Spans.First(s => s.Kind == SpanKind.FG);

            int actorPixels = ActorPixels.Near(Middle(fg), own, jitter);
            Assert.True(actorPixels >= 30, $"{video.Id} FG frame has {actorPixels} pixels of {video.Label}'s colour family");
            checkedKinds.Add("action");
            foreach (GroundTruthSpan span in video.Spans)
            {
                Mat frame = Middle(span);
                Scalar mean = Cv2.Mean(frame);
                switch (span.Shows)
                {
                    case "black":
                        Assert.True(mean.Val0 + mean.Val1 + mean.Val2 < 30, $"{video.Id} black frame has mean {mean}");
                        Assert.True(Difference(frame, Middle(fg)) > 40, $"{video.Id}: FG frame barely differs from a black frame");
                        checkedKinds.Add(span.Shows);
                        break;
                    case "scene":
                        Assert.True(ActorPixels.Near(frame, own, jitter) < actorPixels / 4, $"{video.Id}: the scene-only frame shows the actor's colour");
                        checkedKinds.Add(span.Shows);
                        break;
                    case "other_action":
                        Assert.True(ActorPixels.Near(frame, families[span.VisibleClass!], jitter) >= 30, $"{video.Id}: the other class's actor is not visible");
                        checkedKinds.Add(span.Shows);
                        break;
                    case "noise":
                        Cv2.MeanStdDev(frame, out _, out Scalar noiseStd);
                        Assert.True(noiseStd.Val0 > 40, $"{video.Id}: noise frame has std {noiseStd.Val0}");
                        checkedKinds.Add(span.Shows);
                        break;
                }
            }

            frames.ForEach(f => f.Dispose());
        }

        Assert.Superset(new HashSet<string> { "action", "scene", "other_action" }, checkedKinds);
    }

    [Fact]
    public void Scene_spans_show_the_videos_scene_which_is_not_always_the_home_scene()
    {
        GroundTruthFile truth = GroundTruthJson.Read(dataset.Layout.GroundTruth);
        Dictionary<string, Scene> home = Catalogue().ToDictionary(c => c.Name, c => c.HomeScene);
        int awayWithSceneSpans = 0;
        foreach (GroundTruthVideo video in truth.Videos.Where(v => v.Spans.Any(s => s.Shows == "scene")))
        {
            List<Mat> frames = SmallSyntheticDataset.DecodeAll(dataset.Layout.Video(video.Id));
            foreach (GroundTruthSpan span in video.Spans.Where(s => s.Shows == "scene"))
            {
                Assert.Equal(video.Scene, ClosestScene(frames[(span.StartFrame + span.EndFrame) / 2]).Name);
            }

            awayWithSceneSpans += video.Scene != home[video.Label].Name ? 1 : 0;
            frames.ForEach(f => f.Dispose());
        }

        Assert.True(awayWithSceneSpans >= 1, "no video with scene spans is filmed away from its class's home scene");
    }

    [Fact]
    public void About_the_home_scene_share_of_videos_are_filmed_at_home_and_every_scene_hosts_other_classes()
    {
        var config = new SyntheticConfig();
        IReadOnlyList<SyntheticClass> classes = ClassCatalogue.Build(config, VideoRecognition.Runtime.Seed.From(0));
        IReadOnlyList<PlannedVideo> videos = SyntheticDataset.Plan(config, VideoRecognition.Runtime.Seed.From(0), classes);
        double home = videos.Count(v => v.Scene == v.Class.HomeScene) / (double)videos.Count;
        Assert.InRange(home, config.HomeSceneShare - 0.06, config.HomeSceneShare + 0.06);
        Assert.All(Scene.All, scene => Assert.True(
            videos.Where(v => v.Scene == scene && v.Class.HomeScene != scene).Select(v => v.Class).Distinct().Count() >= 3,
            $"{scene.Name} hosts fewer than 3 classes from elsewhere"));
    }

    [Fact]
    public void Split_and_class_files_describe_the_classes_and_the_summary_counts_them()
    {
        ClassSplit split = ClassSplit.Read(dataset.Layout.Splits);
        string[] lines = File.ReadAllLines(dataset.Layout.Splits);
        Assert.Contains(lines, l => l.StartsWith('#') && l.Contains("vrec synth"));
        Assert.Contains(lines, l => l.StartsWith('#') && l.Contains("not the paper's list"));
        Assert.Equal((3, 2, 1), (split.Count(SplitPart.Base), split.Count(SplitPart.Val), split.Count(SplitPart.Novel)));
        Assert.Equal((3, 2, 1), (dataset.Summary.BaseClasses, dataset.Summary.ValClasses, dataset.Summary.NovelClasses));
        Assert.Equal(6, split.Classes.Select(c => c.ClassName).Distinct().Count());
        Assert.Equal(12, dataset.Summary.Videos);
        Assert.Equal(6, dataset.Summary.TrainingVideos + dataset.Summary.ValidationVideos - 6);

        ActivityNetFile annotations = ActivityNetJson.Read(dataset.Layout.Annotations);
        string[] leaves = annotations.Taxonomy.Where(n => annotations.Taxonomy.All(c => c.ParentId != n.NodeId)).Select(n => n.NodeName).ToArray();
        Assert.Equal(split.Classes.Select(c => c.ClassName).Order(), leaves.Order());
        Assert.Contains("benchmark v2", annotations.Version);
        Assert.Contains("\"motion\"", File.ReadAllText(dataset.Layout.Classes));
        Assert.Empty(Directory.GetFiles(dataset.Folder, "*.tmp*", SearchOption.AllDirectories));
    }

    private IReadOnlyList<SyntheticClass> Catalogue() => ClassCatalogue.Build(dataset.Config, VideoRecognition.Runtime.Seed.From(7));

    /// <summary>The scene the frame is closest to, at the brightness that fits it best (videos scale their scene's brightness).</summary>
    private static Scene ClosestScene(Mat frame)
    {
        using var candidate = new Mat(frame.Rows, frame.Cols, MatType.CV_8UC3);
        return Scene.All.MinBy(scene => Enumerable.Range(0, 25).Min(step =>
        {
            ScenePainter.Paint(candidate, scene, 0.6 + (0.035 * step));
            return Difference(frame, candidate);
        }))!;
    }

    private static double Difference(Mat a, Mat b)
    {
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        Scalar mean = Cv2.Mean(diff);
        return (mean.Val0 + mean.Val1 + mean.Val2) / 3;
    }
}
