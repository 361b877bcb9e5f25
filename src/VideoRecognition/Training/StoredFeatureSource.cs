using TorchSharp.Modules;
using VideoRecognition.Configuration;
using VideoRecognition.Features;
using VideoRecognition.Model;
using VideoRecognition.Runtime;
using static TorchSharp.torch;
using Device = TorchSharp.torch.Device;

namespace VideoRecognition.Training;

/// <summary>Cached mode: batches read from the memory-mapped feature store of `vrec extract`; the backbone is not involved.</summary>
public sealed class StoredFeatureSource : ITrainingBatchSource
{
    private readonly FeatureStore store;
    private readonly FeatureBatches batches;
    private readonly Seed seed;
    private readonly ContrastiveViews pairs;

    private StoredFeatureSource(FeatureStore store, Device device, Seed seed, ContrastiveViews pairs)
    {
        this.store = store;
        this.seed = seed;
        this.pairs = pairs;
        batches = new FeatureBatches(store, device, pairs);
        VideoIds = store.Videos.Select(v => v.Id).ToList();
        VideoLabels = store.Videos.Select(v => v.Label).ToList();
    }

    public static StoredFeatureSource Open(TrainingSettings config)
    {
        var store = FeatureStore.Open(config.Features.Output);
        ModelConfig model = config.Model.Resolved();
        ContrastiveViews pairs = config.Train.ContrastiveViews switch
        {
            ContrastiveViews.Auto => store.Manifest.Views >= 3 ? ContrastiveViews.Stored : ContrastiveViews.TestView,
            var chosen => chosen,
        };
        string? problem = !model.Contrastive ? null
            : pairs == ContrastiveViews.Stored && store.Manifest.Views < 3
                ? $"train.contrastive_views stored needs two training views per segment, and the feature store {store.Layout.Folder} has {store.Manifest.Views - 1}; " +
                  "extract with features.train_views >= 2 (or import with import.train_views >= 2), set train.contrastive_views: test_view, or set model.contrastive: false"
            : pairs == ContrastiveViews.TestView && model.ViewFeatureDropout <= 0 && model.ViewNoise <= 0
                ? "train.contrastive_views test_view makes both contrastive views from the one stored view, so only the feature-space augmentation tells them apart; " +
                  "set model.view_feature_dropout or model.view_noise above 0"
            : null;
        if (problem is not null)
        {
            store.Dispose();
            throw new BadInputException(problem);
        }

        return new StoredFeatureSource(store, Backbones.BackboneFactory.ToTorch(config.Device), Seed.From(config.Seed), pairs);
    }

    /// <summary>Where this run's contrastive pairs come from, after resolving auto.</summary>
    public ContrastiveViews Pairs => pairs;

    public IReadOnlyList<string> VideoIds { get; }

    public IReadOnlyList<string> VideoLabels { get; }

    public string Description => $"the feature store {store.Layout.Folder}";

    public int Segments => store.Manifest.Segments;

    public int FeatureDimension => store.Manifest.FeatureDimension;

    public string Backbone => store.Manifest.Backbone;

    public TrainingMode Mode => TrainingMode.Cached;

    public Device Device => batches.Device;

    public int EvaluationBatch => 256;

    public IReadOnlyList<Parameter> TrainableParameters => [];

    public nn.Module? TrainableModule => null;

    public IEnumerable<TrainingBatch> Epoch(int epoch, IReadOnlyList<BatchRows> steps, bool contrastive, CancellationToken ct)
    {
        Random viewChoice = seed.Derive("train.views", epoch).ToRandom();
        foreach (BatchRows step in steps)
        {
            ct.ThrowIfCancellationRequested();
            yield return batches.Build(step.Positions, step.Labels, viewChoice, contrastive);
        }
    }

    public Tensor TestFeatures(IReadOnlyList<int> positions) => batches.Read(positions, _ => FeatureStoreManifest.TestView);

    public void SetTraining(bool training)
    {
    }

    public void Dispose() => store.Dispose();
}
