using VideoRecognition.Configuration;
using VideoRecognition.Model;
using VideoRecognition.Runtime;
using YamlDotNet.RepresentationModel;

namespace VideoRecognition.Tests.Model;

public sealed class ModelConfigTests
{
    private static string Problem(ModelConfig config) =>
        Assert.Throws<BadInputException>(config.Validate).Message;

    [Fact]
    public void Defaults_are_the_method_and_valid()
    {
        var config = new ModelConfig();
        config.Validate();
        Assert.True(config.BackgroundClass);
        Assert.Equal(NbgCriterion.Entropy, config.NbgCriterion);
        Assert.Equal(IbgMode.ConfidentOther, config.IbgMode);
        Assert.Equal(OpenSetScore.NeighbourLabels, config.OpenSetScore);
        Assert.Equal(SelfWeighting.Background, config.SelfWeighting);
        Assert.Equal(ContrastiveNegatives.Nbg, config.Negatives);
        Assert.Equal(0.1, config.ContrastiveTemperature);
        Assert.Equal(128, config.ProjectionDim);
        Assert.Equal(1.0, config.LambdaBg);
        Assert.Equal(0.5, config.LambdaC);
    }

    [Fact]
    public void Self_weighting_by_the_background_class_needs_the_background_class()
    {
        string message = Problem(new ModelConfig { BackgroundClass = false });
        Assert.Contains("model.self_weighting", message);
        Assert.Contains("background_class", message);
        Assert.Contains("self_weighting: none", message);

        Assert.Contains("model.self_weighting", Problem(new ModelConfig { BackgroundClass = false, SelfWeighting = SelfWeighting.Softmax }));
    }

    [Fact]
    public void Each_ablation_alone_is_valid()
    {
        ModelConfig[] ablations =
        [
            new() { BackgroundClass = false, SelfWeighting = SelfWeighting.None },
            new() { SelfWeighting = SelfWeighting.None },
            new() { Contrastive = false },
        ];
        Assert.All(ablations, ablation => Assert.Null(Record.Exception(ablation.Validate)));
    }

    [Fact]
    public void Nbg_negatives_with_thresholds_that_pick_no_nbg_are_refused()
    {
        string negatives = Problem(new ModelConfig { NbgThreshold = 1.0, UniformityShare = 0 });
        Assert.Contains("model.negatives", negatives);
        Assert.Contains("negatives: all", negatives);

        new ModelConfig { NbgThreshold = 1.0, UniformityShare = 0, Negatives = ContrastiveNegatives.All }.Validate();
        new ModelConfig { NbgThreshold = 1.0 }.Validate(); // the bootstrap epochs still pick NBG by uniformity
    }

    [Fact]
    public void Baseline_is_one_key_away_and_overrides_the_components()
    {
        var baseline = new ModelConfig { Baseline = true };
        baseline.Validate();

        ModelConfig resolved = baseline.Resolved();
        Assert.False(resolved.BackgroundClass);
        Assert.False(resolved.Contrastive);
        Assert.Equal(SelfWeighting.None, resolved.SelfWeighting);
        Assert.False(resolved.UsesPseudoLabels);
        Assert.Equal(resolved, resolved.Resolved());
        Assert.Equal(new ModelConfig(), new ModelConfig().Resolved());
    }

    [Fact]
    public void Yaml_keys_and_enum_values_are_snake_case()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(
            "nbg_criterion: kl_uniform\nibg_mode: rest\nibg_threshold: 0.4\nopen_set_score: combined\npseudo_label_refresh: every_epoch\n" +
            "self_weighting: softmax\nweighting_temperature: 0.5\nnegatives: all\nlambda_c: 0.25\nbaseline: false\n"));
        var binder = new ConfigBinder(_ => "test.yaml");

        ModelConfig config = binder.Bind<ModelConfig>(yaml.Documents[0].RootNode);

        Assert.Empty(binder.Problems);
        Assert.Equal(NbgCriterion.KlUniform, config.NbgCriterion);
        Assert.Equal(IbgMode.Rest, config.IbgMode);
        Assert.Equal(0.4, config.IbgThreshold);
        Assert.Equal(OpenSetScore.Combined, config.OpenSetScore);
        Assert.Equal(PseudoLabelRefresh.EveryEpoch, config.PseudoLabelRefresh);
        Assert.Equal(SelfWeighting.Softmax, config.SelfWeighting);
        Assert.Equal(ContrastiveNegatives.All, config.Negatives);
        Assert.Equal(0.25, config.LambdaC);
    }

    [Fact]
    public void Yaml_contradiction_is_reported_with_the_key()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader("background_class: false\n"));
        var binder = new ConfigBinder(_ => "test.yaml");

        binder.Bind<ModelConfig>(yaml.Documents[0].RootNode);

        Assert.Contains(binder.Problems, p => p.Contains("self_weighting", StringComparison.Ordinal));
    }
}
