using VideoRecognition.Backbones;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Features;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;
using VideoRecognition.Video;

namespace VideoRecognition.Pipeline;

/// <summary>
/// From annotations and a folder of videos to segment features on disk: `vrec index` (find and probe the
/// videos) and `vrec extract` (features of every usable, labelled video; one shard of them with --shard;
/// the shards joined with --merge).
/// </summary>
public static class ExtractionJob
{
    public const string IndexFileName = "video_index.json";

    public const string ProbeCacheFileName = "probes.jsonl";

    public static (ActivityNetAnnotations Annotations, VideoIndex Index) Index(RunConfig config, IProgressReporter progress, CancellationToken ct)
    {
        ActivityNetAnnotations annotations = ReadAnnotations(config.Data, progress);
        var cache = new ProbeCache(Path.Combine(config.Data.Index, ProbeCacheFileName));
        if (cache.Count > 0)
        {
            progress.Log(LogLevel.Info, $"Probe cache {Path.Combine(config.Data.Index, ProbeCacheFileName)}: {cache.Count} videos already probed");
        }

        VideoIndex index = VideoIndex.Build(
            annotations.Videos.Select(v => (v.Id, v.Duration)).ToList(), config.Data.Videos, cache, config.Video.MaxFramePixels, progress, ct);
        index.Write(Path.Combine(config.Data.Index, IndexFileName), annotations.Report.Problems);
        return (annotations, index);
    }

    public static ExtractionSummary Extract(RunConfig config, ShardSpec shard, IProgressReporter progress, CancellationToken ct)
    {
        IReadOnlyList<VideoSource> sources = Sources(config, progress, ct);
        using IBackbone backbone = CreateBackbone(config);
        var (extractor, manifest) = Extractor(config, backbone);
        var root = new FeatureStoreLayout(config.Features.Output);
        var layout = shard.IsWhole ? root : root.Shard(shard);
        return extractor.Run(manifest, shard.Select(sources, s => s.Id), layout, progress, ct);
    }

    /// <summary>Decode-only, backbone-only and overlapped throughput on the first <paramref name="maxVideos"/> videos (`vrec bench extract`).</summary>
    public static IReadOnlyList<StageThroughput> Benchmark(RunConfig config, int maxVideos, string scratchFolder, IProgressReporter progress, CancellationToken ct)
    {
        var sources = ShardSpec.GlobalOrder(Sources(config, progress, ct), s => s.Id).Take(maxVideos).ToList();
        using IBackbone backbone = CreateBackbone(config);
        var (extractor, manifest) = Extractor(config, backbone);
        return ExtractionBenchmark.Run(extractor, manifest, sources, scratchFolder, progress, ct);
    }

    /// <summary>
    /// The labelled videos whose files were found and decode, with their probes: what extraction embeds and
    /// what end-to-end training decodes.
    /// </summary>
    public static IReadOnlyList<VideoSource> Sources(RunConfig config, IProgressReporter progress, CancellationToken ct)
    {
        var (annotations, index) = Index(config, progress, ct);
        var usable = index.Usable();
        var labelled = annotations.Videos.Where(v => v.Labels.Count > 0).ToList();
        var withProblems = annotations.Report.VideosWithProblems();
        var unlabelled = annotations.Videos.Where(v => v.Labels.Count == 0).ToList();
        int emptied = unlabelled.Count(v => withProblems.Contains(v.Id));
        if (emptied > 0)
        {
            progress.Log(LogLevel.Warning, $"{emptied} videos lost every label to the annotation problems above (unknown label, unreadable segment) and are not extracted");
        }

        if (unlabelled.Count > emptied)
        {
            progress.Log(LogLevel.Info, $"{unlabelled.Count - emptied} videos have no annotation (e.g. ActivityNet's testing subset) and are not extracted");
        }

        var sources = labelled
            .Where(v => usable.ContainsKey(v.Id))
            .Select(v => new VideoSource(v.Id, v.Labels[0], v.Subset ?? "unknown", usable[v.Id].Probe!))
            .ToList();
        int unusable = labelled.Count - sources.Count;
        if (unusable > 0)
        {
            progress.Log(LogLevel.Warning, $"{unusable} labelled videos are missing or unreadable (see {Path.Combine(config.Data.Index, IndexFileName)}) and are not extracted");
        }

        if (sources.Count == 0)
        {
            throw new BadInputException($"no usable labelled video: {config.Data.Annotations} lists {annotations.Videos.Count} videos, {usable.Count} of them were found and decode in {config.Data.Videos}");
        }

        return sources;
    }

    /// <summary>The run's backbone; random weights (weights none) are drawn from the run seed.</summary>
    public static IBackbone CreateBackbone(RunConfig config)
    {
        TorchSharp.torch.manual_seed(config.Seed);
        return BackboneFactory.Create(config.Backbone, config.Video.InputSize, config.Device);
    }

    private static (FeatureExtractor Extractor, FeatureStoreManifest Manifest) Extractor(RunConfig config, IBackbone backbone)
    {
        var views = new SegmentViews(config.Video, config.Features.TrainViews, Seed.From(config.Seed));
        return (new FeatureExtractor(views, backbone, config.Features, config.Backbone.BatchSize), Manifest(config, backbone));
    }

    public static int Merge(RunConfig config, IProgressReporter progress, CancellationToken ct) =>
        FeatureStoreMerge.Merge(new FeatureStoreLayout(config.Features.Output), progress, ct);

    public static FeatureStoreManifest Manifest(RunConfig config, IBackbone backbone) =>
        new(
            FeatureStoreManifest.CurrentFormatVersion,
            backbone.Name,
            backbone.FeatureDimension,
            config.Video.Segments,
            1 + config.Features.TrainViews,
            config.Video.InputSize,
            config.Seed,
            // Any change to sampling or augmentation changes the stored views, so it must change the manifest too.
            $"tsn segments={config.Video.Segments} clip={config.Video.ClipLength} video-config={Digest(config.Video.ToString())}");

    private static string Digest(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];

    public static ActivityNetAnnotations ReadAnnotations(DatasetConfig data, IProgressReporter progress)
    {
        var annotations = ActivityNetAnnotationReader.Read(
            data.Annotations,
            new AnnotationReadOptions { VideoInfoPath = data.VideoInfo.Length == 0 ? null : data.VideoInfo });
        AnnotationReport report = annotations.Report;
        foreach (AnnotationProblem problem in report.Problems)
        {
            progress.Log(problem.Routine ? LogLevel.Debug : LogLevel.Warning, problem.Message);
        }

        int dropped = report.Problems.Count(p => !p.Routine);
        progress.Log(dropped > 0 ? LogLevel.Warning : LogLevel.Info,
            $"{data.Annotations}: {report.VideosLoaded} of {report.VideosInFile} videos and {report.SegmentsLoaded} of {report.SegmentsInFile} segments loaded, "
            + $"{annotations.Classes.Count} classes ({annotations.Layout} layout); {report.Problems.Count} annotation problems"
            + (report.IsClean ? string.Empty : $" ({string.Join(", ", report.IssueCounts.Select(c => $"{c.Value} {c.Key}"))})"));
        return annotations;
    }
}
