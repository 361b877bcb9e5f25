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

    private StoredFeatureSource(FeatureStore store, Device device, Seed seed)
    {
        this.store = store;
        this.seed = seed;
        batches = new FeatureBatches(store, device);
        VideoIds = store.Videos.Select(v => v.Id).ToList();
        VideoLabels = store.Videos.Select(v => v.Label).ToList();
    }

    public static StoredFeatureSource Open(RunConfig config)
    {
        var store = FeatureStore.Open(config.Features.Output);
        var source = new StoredFeatureSource(store, Backbones.BackboneFactory.ToTorch(config.Device), Seed.From(config.Seed));
        if (config.Model.Resolved().Contrastive && !source.batches.HasContrastivePairs)
        {
            source.Dispose();
            throw new BadInputException(
                $"model.contrastive needs two augmented views per segment, and the feature store {store.Layout.Folder} has {store.Manifest.Views - 1}; " +
                "extract with features.train_views >= 2, or set model.contrastive: false");
        }

        return source;
    }

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
