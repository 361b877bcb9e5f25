using System.Diagnostics;
using System.Globalization;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// Generates the synthetic untrimmed-video benchmark (`vrec synth`): real mp4 videos plus ActivityNet-layout
/// annotations, frame-exact ground truth, the few-shot class split and the class catalogue.
/// </summary>
public static class SyntheticDataset
{
    public const string Version = "VideoRecognition synthetic benchmark v2 (ActivityNet v1.3 layout)";

    /// <summary>An N-way episode needs N classes in a part; 5-way is the paper's setting.</summary>
    public const int EpisodeWays = 5;

    public static SyntheticDatasetSummary Generate(SyntheticConfig config, Seed seed, IProgressReporter progress, CancellationToken ct)
    {
        config.Validate();
        var clock = Stopwatch.StartNew();
        var layout = new SyntheticDatasetLayout(config.Output);
        IReadOnlyList<SyntheticClass> classes = ClassCatalogue.Build(config, seed);
        WarnAboutSmallParts(classes, progress);

        IReadOnlyList<PlannedVideo> videos = Plan(config, seed, classes);
        progress.Log(LogLevel.Info, $"Rendering {videos.Count} videos ({videos.Sum(v => v.Timeline.Frames)} frames at {config.Fps} fps, {config.Width}x{config.Height}) to {layout.Videos}");
        Directory.CreateDirectory(layout.Videos);
        using (IProgressTask task = progress.Start("Rendering synthetic videos", videos.Count, "videos"))
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
            Parallel.ForEach(videos, options, video =>
            {
                SyntheticVideoRenderer.Render(video, classes, config, layout.Video(video.Id), ct);
                lock (task)
                {
                    task.Advance();
                }
            });
        }

        // The descriptions go last: a folder with annotations.json has all its videos.
        ActivityNetJson.Write(Annotations(config, classes, videos), layout.Annotations);
        GroundTruthJson.Write(GroundTruth(config, classes, videos), layout.GroundTruth);
        ClassCatalogueJson.Write(classes, layout.Classes);
        new ClassSplit(classes.Select(c => (c.Part, c.Name)).ToArray()).Write(layout.Splits, SplitHeader(config, seed));

        return new SyntheticDatasetSummary(
            Path.GetFullPath(config.Output),
            videos.Count,
            videos.Count(v => v.Subset == "training"),
            videos.Count(v => v.Subset == "validation"),
            videos.Sum(v => (long)v.Timeline.Frames),
            videos.Sum(v => (long)v.Timeline.Frames) / config.Fps,
            classes.Count(c => c.Part == SplitPart.Base),
            classes.Count(c => c.Part == SplitPart.Val),
            classes.Count(c => c.Part == SplitPart.Novel),
            clock.Elapsed);
    }

    /// <summary>
    /// Every video of the dataset with its scene and timeline, without rendering. Ids are numbered after a
    /// seeded shuffle so that an id does not reveal the class; each video's randomness comes from
    /// seed.Derive("synth.video", number) alone, so parallel rendering stays deterministic.
    /// </summary>
    public static IReadOnlyList<PlannedVideo> Plan(SyntheticConfig config, Seed seed, IReadOnlyList<SyntheticClass> classes)
    {
        var sampler = new TimelineSampler(config);
        (int Class, int Copy)[] order = classes
            .SelectMany(c => Enumerable.Range(0, config.VideosPerClass).Select(k => (c.Index, k)))
            .ToArray();
        seed.Derive("synth.videos").ToRandom().Shuffle(order);
        int training = (int)Math.Round(config.TrainingShare * config.VideosPerClass, MidpointRounding.AwayFromZero);

        var videos = new PlannedVideo[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            Seed videoSeed = seed.Derive("synth.video", i);
            VideoTimeline timeline = sampler.Sample(videoSeed.Derive("timeline").ToRandom(), order[i].Class, classes.Count);
            SyntheticClass videoClass = classes[order[i].Class];
            Scene scene = DrawScene(videoClass, config, videoSeed.Derive("scene").ToRandom());
            string id = string.Create(CultureInfo.InvariantCulture, $"synth{i:D5}");
            videos[i] = new PlannedVideo(id, i, videoClass, order[i].Copy < training ? "training" : "validation", scene, timeline, videoSeed);
        }

        return videos;
    }

    /// <summary>The class's home scene with probability synth.home_scene_share, else one of the other scenes, uniformly.</summary>
    public static Scene DrawScene(SyntheticClass videoClass, SyntheticConfig config, Random random)
    {
        if (random.NextDouble() < config.HomeSceneShare)
        {
            return videoClass.HomeScene;
        }

        Scene[] others = Scene.All.Where(s => s != videoClass.HomeScene).ToArray();
        return others[random.Next(others.Length)];
    }

    private static ActivityNetFile Annotations(SyntheticConfig config, IReadOnlyList<SyntheticClass> classes, IReadOnlyList<PlannedVideo> videos)
    {
        // Home scenes play the part of ActivityNet's intermediate taxonomy nodes; classes are the leaves.
        var taxonomy = new List<TaxonomyNode> { new(0, "Root", null, null) };
        string[] scenes = classes.Select(c => c.HomeScene.Name).Distinct().Order(StringComparer.Ordinal).ToArray();
        var sceneNodes = new Dictionary<string, int>();
        foreach (string scene in scenes)
        {
            sceneNodes[scene] = taxonomy.Count;
            taxonomy.Add(new TaxonomyNode(taxonomy.Count, SceneNodeName(scene), 0, "Root"));
        }

        foreach (SyntheticClass c in classes)
        {
            taxonomy.Add(new TaxonomyNode(taxonomy.Count, c.Name, sceneNodes[c.HomeScene.Name], SceneNodeName(c.HomeScene.Name)));
        }

        string resolution = string.Create(CultureInfo.InvariantCulture, $"{config.Width}x{config.Height}");
        var database = videos.ToDictionary(
            v => v.Id,
            v => new ActivityNetVideo(
                v.Subset,
                v.Timeline.Frames / config.Fps,
                resolution,
                "",
                v.Timeline.Foreground.Select(s => new ActivityNetAnnotation(s.StartFrame / config.Fps, s.EndFrame / config.Fps, v.Class.Name)).ToArray()));
        return new ActivityNetFile(Version, taxonomy, database);
    }

    private static GroundTruthFile GroundTruth(SyntheticConfig config, IReadOnlyList<SyntheticClass> classes, IReadOnlyList<PlannedVideo> videos) =>
        new(videos.Select(v => new GroundTruthVideo(
            v.Id,
            v.Class.Name,
            v.Subset,
            v.Scene.Name,
            config.Fps,
            v.Timeline.Frames,
            v.Timeline.Frames / config.Fps,
            v.Timeline.Spans.Select(s => new GroundTruthSpan(
                s.StartFrame,
                s.EndFrame,
                s.StartFrame / config.Fps,
                s.EndFrame / config.Fps,
                s.Kind,
                s.VisibleClass is int c ? classes[c].Name : null,
                GroundTruthJson.ShowsName(s.Content))).ToArray())).ToArray());

    private static IEnumerable<string> SplitHeader(SyntheticConfig config, Seed seed)
    {
        yield return "Few-shot class split generated by vrec synth.";
        yield return string.Create(CultureInfo.InvariantCulture, $"seed: {seed.Value}");
        yield return string.Create(CultureInfo.InvariantCulture, $"shares: base {config.Split.Base}, val {config.Split.Val}, novel {config.Split.Novel} of {config.Classes} classes");
        yield return "These are synthetic classes, not the paper's list.";
        yield return "Format: <part><TAB><class name>, part one of base, val, novel.";
    }

    private static void WarnAboutSmallParts(IReadOnlyList<SyntheticClass> classes, IProgressReporter progress)
    {
        foreach (SplitPart part in new[] { SplitPart.Val, SplitPart.Novel })
        {
            int count = classes.Count(c => c.Part == part);
            if (count < EpisodeWays)
            {
                progress.Log(LogLevel.Warning,
                    $"synth.split: the {ClassSplit.PartName(part)} part has {count} classes, fewer than the {EpisodeWays} a {EpisodeWays}-way episode needs.");
            }
        }
    }

    private static string SceneNodeName(string scene) => $"In the {scene}";
}
