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

    /// <summary>
    /// `vrec bench extract`: each stage alone and the overlapped extraction with its per-stage profile, then
    /// rounds of vrec's overlapped extraction alternating with the PyTorch peer on the same videos (when a
    /// peer is given), on a quiet machine and, with <see cref="ExtractionComparisonPlan.Busy"/>, again with one
    /// competing CPU-bound process that this starts and ends itself.
    /// </summary>
    public static ExtractionComparison Compare(RunConfig config, ExtractionComparisonPlan plan, string scratchFolder, IProgressReporter progress, CancellationToken ct)
    {
        var sources = ShardSpec.GlobalOrder(IndexJob.Sources(config, progress, ct), s => s.Id).Take(plan.Videos).ToList();
        using IBackbone backbone = CreateBackbone(config);
        var (extractor, manifest) = Extractor(config, backbone);
        var stages = ExtractionBenchmark.Run(extractor, manifest, sources, scratchFolder, progress, ct);
        var rounds = new List<ComparisonRound>();
        foreach (bool busy in plan.Busy ? new[] { false, true } : [false])
        {
            if (plan.Rounds == 0)
            {
                break;
            }

            using var load = busy ? CompetingLoad.Start() : null;
            if (load is not null)
            {
                progress.Log(LogLevel.Info, $"Competing CPU-bound process started (pid {load.ProcessId})");
            }

            for (int round = 0; round < plan.Rounds; round++)
            {
                ExtractionSummary vrec = ExtractionBenchmark.Overlapped(extractor, manifest, sources, scratchFolder, progress, ct);
                PeerThroughput? peer = null;
                if (plan.Peer is not null)
                {
                    progress.Log(LogLevel.Info, $"Peer round {round + 1}{(busy ? " (busy)" : "")} on {sources.Count} videos ...");
                    peer = plan.Peer.Run(
                        sources.Select(s => s.Probe.Path).ToList(),
                        config.Backbone.Architecture.ToString().ToLowerInvariant(),
                        config.Video.InputSize,
                        config.Video.ResizeShorter,
                        config.Video.Segments,
                        config.Features.TrainViews,
                        workers: 1,
                        threads: TorchSharp.torch.get_num_threads(),
                        scratchFolder + "-peer");
                }

                rounds.Add(new ComparisonRound(busy, round + 1, vrec, peer));
            }
        }

        return new ExtractionComparison(stages, rounds);
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
