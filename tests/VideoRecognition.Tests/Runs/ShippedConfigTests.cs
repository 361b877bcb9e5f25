using VideoRecognition.Backbones;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Model;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;

namespace VideoRecognition.Tests.Runs;

/// <summary>The files in configs/ load, say what their headers claim, and match what the demo trains.</summary>
public sealed class ShippedConfigTests
{
    private static string ConfigPath(string name) => Path.Combine(RepositoryPaths.Root, "configs", name);

    public static TheoryData<string> Files() => new(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "configs"), "*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_config_loads_from_disk_and_as_built_in_identically(string name)
    {
        Assert.Equal(RunConfigFile.Load(ConfigPath(name)), RunConfigFile.LoadEmbedded(name));
    }

    [Fact]
    public void The_baseline_is_TSN_mean_pooling_without_background_class_or_contrastive_loss()
    {
        ModelConfig baseline = RunConfigFile.Load(ConfigPath("baseline.yaml")).Model.Resolved();
        Assert.False(baseline.BackgroundClass);
        Assert.False(baseline.Contrastive);
        Assert.Equal(SelfWeighting.None, baseline.SelfWeighting);
    }

    [Theory]
    [InlineData("ablation-no-background-class.yaml", "background_class")]
    [InlineData("ablation-no-self-weighting.yaml", "self_weighting")]
    [InlineData("with-contrastive.yaml", "contrastive")]
    public void Each_variant_config_turns_one_switch_of_the_full_model(string file, string key)
    {
        var full = RunConfigFile.Load(ConfigPath("synthetic.yaml"));
        var ablation = RunConfigFile.Load(ConfigPath(file));
        string[] fullLines = ModelLines(full);
        string[] changed = ModelLines(ablation).Except(fullLines).ToArray();
        Assert.Contains(changed, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        Assert.Equal(full with { Model = ablation.Model, Train = ablation.Train }, ablation);
        Assert.Contains(DemoPipeline.VariantsFor(full.Model), v => v.Config == file);
    }

    [Theory]
    [InlineData(false, "with-contrastive", true)]
    [InlineData(true, "no-contrastive", false)]
    public void The_contrastive_variant_turns_the_loss_the_other_way_from_the_full_model(bool fullHasIt, string name, bool variantHasIt)
    {
        var full = RunConfigFile.Load(ConfigPath("synthetic.yaml"));
        var model = full.Model with { Contrastive = fullHasIt };
        var variant = DemoPipeline.VariantsFor(model).Single(v => v.Name.EndsWith("contrastive", StringComparison.Ordinal));
        Assert.Equal(name, variant.Name);
        Assert.Equal(variantHasIt, variant.Ablate(model).Contrastive);
        Assert.Equal(5, DemoPipeline.VariantsFor(model).Select(v => v.Name).Distinct().Count());
    }

    [Fact]
    public void The_demo_variants_are_the_shipped_configs_and_carry_the_users_model_keys()
    {
        var full = RunConfigFile.Load(ConfigPath("synthetic.yaml"));
        foreach (var (name, file, ablate) in DemoPipeline.VariantsFor(full.Model))
        {
            Assert.NotNull(file);
            Assert.True(RunConfigFile.Load(ConfigPath(file)).Model == ablate(full.Model), $"{name}: {file} differs from the demo's switch");
        }

        // A user's key reaches every variant, not only the full model.
        var tuned = full with { Model = full.Model with { LambdaC = 0.25 } };
        Assert.All(DemoPipeline.VariantsFor(tuned.Model), v => Assert.Equal(0.25, DemoPipeline.VariantConfig(tuned, v.Name, v.Ablate, "out").Model.LambdaC));
    }

    [Theory]
    [InlineData("anet13-5way.yaml", "activity_net.v1-3.min.json", "anet13_split_seed0.txt")]
    [InlineData("anet12-5way.yaml", "activity_net.v1-2.min.json", "anet12_split_seed0.txt")]
    public void ActivityNet_configs_are_the_paper_setting(string file, string annotations, string split)
    {
        var config = RunConfigFile.Load(ConfigPath(file));
        Assert.Equal(BackboneArchitecture.Resnet50, config.Backbone.Architecture);
        Assert.EndsWith("resnet50-0676ba61.pth", config.Backbone.Weights, StringComparison.Ordinal);
        Assert.Equal(8, config.Video.Segments);
        Assert.Equal(224, config.Video.InputSize);
        Assert.Equal(Device.Cuda, config.Device);
        Assert.EndsWith(annotations, config.Data.Annotations, StringComparison.Ordinal);
        Assert.EndsWith(split, config.Data.Splits, StringComparison.Ordinal);
        Assert.Equal(5, config.Eval.Way);
        Assert.Equal(SplitPart.Novel, config.Eval.Split);
    }

    [Theory]
    [InlineData("anet13-c3d-5way.yaml", "activity_net.v1-3.min.json", "anet13_split_seed0.txt", "c3d_hdf5", 500)]
    [InlineData("anet13-tsn-5way.yaml", "anet_anno_action.json", "anet13_split_seed0.txt", "bsn_csv", 400)]
    [InlineData("anet12-c3d-5way.yaml", "activity_net.v1-2.min.json", "anet12_split_seed0.txt", "c3d_hdf5", 500)]
    public void Imported_feature_configs_run_the_paper_protocol_on_a_cpu(string file, string annotations, string split, string format, int dimension)
    {
        var config = RunConfigFile.Load(ConfigPath(file));
        Assert.Equal(Device.Cpu, config.Device);
        Assert.Equal(8, config.Video.Segments);
        Assert.Equal(format, ConfigKeys.FromProperty(config.Import.Format.ToString()));
        Assert.Equal(dimension, config.Import.FeatureDimension);
        Assert.EndsWith(annotations, config.Data.Annotations, StringComparison.Ordinal);
        Assert.EndsWith(split, config.Data.Splits, StringComparison.Ordinal);
        Assert.Equal((5, SplitPart.Novel, VideoRecognition.Training.TrainingMode.Cached), (config.Eval.Way, config.Eval.Split, config.Train.Mode));
        Assert.True(config.Model.Contrastive && (config.Model.ViewFeatureDropout > 0 || config.Model.ViewNoise > 0));
    }

    [Fact]
    public void The_shipped_v13_split_covers_200_classes()
    {
        var split = ClassSplit.Read(Path.Combine(RepositoryPaths.Root, RunConfigFile.Load(ConfigPath("anet13-5way.yaml")).Data.Splits));
        Assert.Equal(200, split.Classes.Count);
        Assert.Equal(40, split.Count(SplitPart.Novel));
    }

    private static string[] ModelLines(RunConfig config) =>
        RunConfigFile.ToYaml(config).Split('\n').SkipWhile(l => l != "model:").Skip(1).TakeWhile(l => l.StartsWith(' ')).ToArray();
}
