using VideoRecognition.Runs;
using VideoRecognition.Backbones;
using VideoRecognition.Configuration;
using VideoRecognition.Features;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;

namespace VideoRecognition.Tests.Features;

/// <summary>The extraction pipeline's batching, precision and per-stage profile, on the small synthetic set.</summary>
public sealed class FeatureExtractorTests(ExtractionDataset dataset) : IClassFixture<ExtractionDataset>
{
    /// <summary>
    /// The dataset's config with the offline ImageNet weights: random weights come from torch's global
    /// generator, which tests running in parallel in this process also draw from, so two extractions
    /// compared here would not get the same random network.
    /// </summary>
    private RunConfig Config(TempFolder temp, string name, params string[] overrides) =>
        RunConfigFile.Load(
            dataset.WriteConfig(Directory.CreateDirectory(temp[name]).FullName),
            new[] { "backbone.weights=imagenet" }.Concat(overrides).Select(ConfigOverride.Parse).ToList());

    private static byte[][] StoreBytes(string folder)
    {
        var layout = new FeatureStoreLayout(folder);
        return [File.ReadAllBytes(layout.Index), File.ReadAllBytes(layout.Data)];
    }

    [Fact]
    public void Videos_sharing_forward_passes_get_the_bytes_they_get_alone_and_every_stage_is_counted()
    {
        using var temp = new TempFolder();
        // 4 segments x 2 views = 8 images a video; 3 videos a pass of at most 16 images cut a video in two.
        var alone = Config(temp, "alone", "features.videos_per_forward=1");
        var shared = Config(temp, "shared", "features.videos_per_forward=3");

        ExtractionSummary one = ExtractionJob.Extract(alone, ShardSpec.Whole, SilentProgress.Instance, CancellationToken.None);
        ExtractionSummary three = ExtractionJob.Extract(shared, ShardSpec.Whole, SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(ExtractionDataset.Videos, three.Extracted);
        Assert.Equal(StoreBytes(alone.Features.Output), StoreBytes(shared.Features.Output));

        StageTime Stage(ExtractionSummary s, ExtractionStage stage) => s.Stages.Single(t => t.Stage == stage);
        Assert.Equal(Enum.GetValues<ExtractionStage>().Length, three.Stages.Count);
        Assert.Equal(ExtractionDataset.Videos, Stage(three, ExtractionStage.Decode).Count);
        Assert.Equal(ExtractionDataset.Videos, Stage(three, ExtractionStage.Transform).Count);
        Assert.Equal(ExtractionDataset.Videos / 3, Stage(three, ExtractionStage.Forward).Count);
        Assert.Equal(ExtractionDataset.Videos, Stage(one, ExtractionStage.Forward).Count);
        Assert.Equal(ExtractionDataset.Videos / 3, Stage(three, ExtractionStage.Write).Count);
        foreach (var stage in new[] { ExtractionStage.Decode, ExtractionStage.Transform, ExtractionStage.Forward })
        {
            Assert.True(Stage(three, stage).Time > TimeSpan.Zero, $"{stage} was not timed");
        }
    }

    [Fact]
    public void Bfloat16_features_stay_close_to_float32_ones_and_the_store_says_which_precision_made_them()
    {
        using var temp = new TempFolder();
        var exact = Config(temp, "float32");
        var reduced = Config(temp, "bfloat16", "backbone.precision=bfloat16");

        ExtractionJob.Extract(exact, ShardSpec.Whole, SilentProgress.Instance, CancellationToken.None);
        ExtractionJob.Extract(reduced, ShardSpec.Whole, SilentProgress.Instance, CancellationToken.None);

        using var a = FeatureStore.Open(exact.Features.Output);
        using var b = FeatureStore.Open(reduced.Features.Output);
        Assert.Contains("bfloat16", b.Manifest.Backbone);
        Assert.DoesNotContain("bfloat16", a.Manifest.Backbone);

        double difference = 0;
        double norm = 0;
        double worstCosine = 1;
        int dimension = a.Manifest.FeatureDimension;
        Assert.Equal(ExtractionDataset.Videos, a.Videos.Count);
        bool anyDifferent = false;
        for (int v = 0; v < a.Videos.Count; v++)
        {
            float[] x = new float[a.Manifest.FloatsPerVideo];
            float[] y = new float[x.Length];
            System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(a.Raw(v), x);
            System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(b.Raw(v), y);
            anyDifferent |= !x.SequenceEqual(y);
            for (int start = 0; start < x.Length; start += dimension)
            {
                var p = x.AsSpan(start, dimension);
                var q = y.AsSpan(start, dimension);
                worstCosine = Math.Min(worstCosine, System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(p, q));
                for (int i = 0; i < dimension; i++)
                {
                    difference += (p[i] - q[i]) * (double)(p[i] - q[i]);
                    norm += p[i] * (double)p[i];
                }
            }
        }

        Assert.True(anyDifferent, "bfloat16 features equal float32 ones: the precision was not applied");
        double relative = Math.Sqrt(difference / norm);
        Assert.True(relative < 0.05, $"bfloat16 features differ from float32 ones by {relative:P1} (relative L2)");
        Assert.True(worstCosine > 0.99, $"worst segment cosine {worstCosine:0.0000}");
    }

    [Fact]
    public void A_bfloat16_resnet50_extracts_without_killing_the_process()
    {
        // oneDNN's channels-last bfloat16 kernels for strided 1x1 convolutions die with SIGFPE (exit 136) on
        // CPUs that hide their cache topology; the backbone must choose a layout that runs.
        using var temp = new TempFolder();
        string config = dataset.WriteConfig(Directory.CreateDirectory(temp["run"]).FullName);
        var result = Cli.VrecProcess.Run(
            "extract", "--config", config, "--set", "backbone.architecture=resnet50", "--set", "backbone.precision=bfloat16",
            "--set", "video.input_size=112", "--set", "video.resize_shorter=128", "--set", "video.segments=2");

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode} (136 is SIGFPE)\n{result.Output}");
        using var store = FeatureStore.Open(Path.Combine(temp["run"], "features"));
        Assert.Equal(ExtractionDataset.Videos, store.Videos.Count);
        Assert.Equal(2048, store.Manifest.FeatureDimension);
    }

    [Fact]
    public void Bfloat16_is_refused_for_a_backbone_that_trains()
    {
        var problems = new BackboneConfig { Trainable = true, Precision = InferencePrecision.Bfloat16 }.Check().ToList();
        Assert.Contains(problems, p => p.Key == "precision");
        Assert.Empty(new BackboneConfig { Precision = InferencePrecision.Bfloat16 }.Check());
    }
}
