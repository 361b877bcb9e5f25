using VideoRecognition.Backbones;
using VideoRecognition.Features;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Pipeline;

/// <summary>
/// From the usable labelled videos (<see cref="IndexJob"/>) to segment features on disk: `vrec extract`
/// (features of every such video; one shard of them with --shard; the shards joined with --merge).
/// </summary>
public static class ExtractionJob
{
    public static ExtractionSummary Extract(RunConfig config, ShardSpec shard, IProgressReporter progress, CancellationToken ct)
    {
        IReadOnlyList<VideoSource> sources = IndexJob.Sources(config, progress, ct);
        using IBackbone backbone = CreateBackbone(config);
        var (extractor, manifest) = Extractor(config, backbone);
        var root = new FeatureStoreLayout(config.Features.Output);
        var layout = shard.IsWhole ? root : root.Shard(shard);
        return extractor.Run(manifest, shard.Select(sources, s => s.Id), layout, progress, ct);
    }

    /// <summary>Decode-only, backbone-only and overlapped throughput on the first <paramref name="maxVideos"/> videos (`vrec bench extract`).</summary>
    public static IReadOnlyList<StageThroughput> Benchmark(RunConfig config, int maxVideos, string scratchFolder, IProgressReporter progress, CancellationToken ct)
    {
        var sources = ShardSpec.GlobalOrder(IndexJob.Sources(config, progress, ct), s => s.Id).Take(maxVideos).ToList();
        using IBackbone backbone = CreateBackbone(config);
        var (extractor, manifest) = Extractor(config, backbone);
        return ExtractionBenchmark.Run(extractor, manifest, sources, scratchFolder, progress, ct);
    }

    /// <summary>The run's backbone; random weights (weights none) are drawn from the run seed.</summary>
    public static IBackbone CreateBackbone(RunConfig config) =>
        BackboneFactory.CreateSeeded(config.Backbone, config.Video.InputSize, config.Device, config.Seed);

    private static (FeatureExtractor Extractor, FeatureStoreManifest Manifest) Extractor(RunConfig config, IBackbone backbone)
    {
        var views = new SegmentViews(config.Video, config.Features.TrainViews, Seed.From(config.Seed));
        return (new FeatureExtractor(views, backbone, config.Features, config.Backbone.BatchSize),
            FeatureStoreManifest.Of(backbone, config.Video, config.Features.TrainViews, config.Seed));
    }

    public static int Merge(RunConfig config, IProgressReporter progress, CancellationToken ct) =>
        FeatureStoreMerge.Merge(new FeatureStoreLayout(config.Features.Output), progress, ct);
}
