using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.Model;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Tests.Model;
using VideoRecognition.Training;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Training;

/// <summary>
/// A store with a single view (imported features) can train the contrastive loss: both views of a pair are
/// its test view, and only the feature-space augmentation tells them apart.
/// </summary>
[Collection(TorchGlobalRandomCollection.Name)]
public sealed class ContrastiveViewsTests
{
    private const int Segments = 4;
    private const int Dimension = 12;

    /// <summary>A store of 3 classes x 6 videos with <paramref name="views"/> views; view v of every value is offset by 10 v so views are told apart.</summary>
    private static RunConfig Store(TempFolder temp, int views, params string[] overrides)
    {
        var manifest = new FeatureStoreManifest(FeatureStoreManifest.CurrentFormatVersion, "test", Dimension, Segments, views, 0, 0, "test");
        var layout = new FeatureStoreLayout(temp["store"]);
        if (!File.Exists(layout.Complete)) // written once per folder; a test may open it with several configs
        {
            using var writer = FeatureStoreWriter.OpenOrResume(layout, manifest);
            var random = new Random(3);
            for (int v = 0; v < 18; v++)
            {
                float[] features = Enumerable.Range(0, manifest.FloatsPerVideo)
                    .Select(i => (float)((i / (Segments * Dimension) * 10) + (v % 3) + random.NextDouble())).ToArray();
                writer.Append(new FeatureEntry($"vid{v:D2}", $"class {v % 3}", "training", 40, 10, 4, 0, null), features);
            }

            writer.Complete();
        }

        new ClassSplit([(SplitPart.Base, "class 0"), (SplitPart.Base, "class 1"), (SplitPart.Base, "class 2")]).Write(temp["splits.txt"], ["# test split"]);
        string yaml = $"""
            data:
              splits: {temp["splits.txt"]}
              ground_truth: ""
            video:
              segments: {Segments}
            features:
              output: {temp["store"]}
            model:
              embedding_dim: 8
              hidden_dim: 16
              projection_dim: 8
              warmup_epochs: 1
            train:
              output: {temp["run"]}
              epochs: 3
              batch_size: 6
              validation_episodes: 0
            """;
        return RunConfigFile.Parse(yaml, "contrastive views test", overrides.Select(ConfigOverride.Parse).ToList());
    }

    [Fact]
    public void A_single_view_store_pairs_its_test_view_with_itself_and_a_three_view_store_its_training_views()
    {
        using var temp = new TempFolder();
        using (var single = StoredFeatureSource.Open(TrainingJob.Settings(Store(temp, views: 1))))
        {
            Assert.Equal(ContrastiveViews.TestView, single.Pairs);
            using var scope = NewDisposeScope();
            TrainingBatch batch = single.Epoch(1, [new BatchRows([0, 5], [0, 2])], contrastive: true, CancellationToken.None).Single();
            Tensor test = single.TestFeatures([0, 5]);
            Assert.True(batch.ViewA!.allclose(test));
            Assert.True(batch.ViewB!.allclose(test));
        }

        using var temp3 = new TempFolder();
        using var three = StoredFeatureSource.Open(TrainingJob.Settings(Store(temp3, views: 3)));
        Assert.Equal(ContrastiveViews.Stored, three.Pairs);
        using var scope3 = NewDisposeScope();
        TrainingBatch pair = three.Epoch(1, [new BatchRows([1], [1])], contrastive: true, CancellationToken.None).Single();
        // Views 1 and 2 were written 10 and 20 above view 0.
        Assert.Equal(10.0, pair.ViewA!.sub(three.TestFeatures([1])).mean().item<float>(), 1);
        Assert.Equal(20.0, pair.ViewB!.sub(three.TestFeatures([1])).mean().item<float>(), 1);
    }

    [Fact]
    public void Stored_pairs_on_a_single_view_store_and_test_view_pairs_without_augmentation_are_refused_by_key()
    {
        using var temp = new TempFolder();
        var stored = Assert.Throws<BadInputException>(() => StoredFeatureSource.Open(TrainingJob.Settings(Store(temp, 1, "train.contrastive_views=stored"))));
        Assert.Contains("train.contrastive_views stored", stored.Message, StringComparison.Ordinal);
        var bare = Assert.Throws<BadInputException>(() => StoredFeatureSource.Open(TrainingJob.Settings(Store(temp, 1, "model.view_feature_dropout=0", "model.view_noise=0"))));
        Assert.Contains("model.view_feature_dropout or model.view_noise", bare.Message, StringComparison.Ordinal);
        using var off = StoredFeatureSource.Open(TrainingJob.Settings(Store(temp, 1, "model.contrastive=false", "model.view_feature_dropout=0")));
        Assert.Equal(18, off.VideoIds.Count);
    }

    [Fact]
    public void The_contrastive_loss_trains_on_a_single_view_store()
    {
        using var temp = new TempFolder();
        TrainingJob.Train(Store(temp, 1, "model.view_noise=0.1", "model.negatives=all"), resume: false, SilentProgress.Instance, CancellationToken.None);
        var epochs = TrainingLog.Read(Path.Combine(temp["run"], "train.jsonl")).Where(r => r.Kind == "epoch" && r.Epoch > 1).ToList();
        Assert.NotEmpty(epochs);
        Assert.All(epochs, e => Assert.True(e.ContrastiveLoss is > 0 and < double.PositiveInfinity, $"epoch {e.Epoch}: contrastive loss {e.ContrastiveLoss}"));
    }
}
