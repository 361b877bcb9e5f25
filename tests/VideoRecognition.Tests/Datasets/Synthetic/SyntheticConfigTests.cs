using VideoRecognition.Datasets;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class SyntheticConfigTests
{
    [Fact]
    public void The_default_config_is_valid_and_gives_ten_val_and_ten_novel_classes_of_fifteen_videos()
    {
        var config = new SyntheticConfig();
        config.Validate();
        Assert.Equal((20, 10, 10), ClassCatalogue.PartSizes(config));
        Assert.Equal(15, config.VideosPerClass);
        Assert.Equal(0.5, config.NbgShareOfBackground);
    }

    [Theory]
    [InlineData("appearance_jitter", 1.5)]
    [InlineData("distractor_share", -0.1)]
    [InlineData("home_scene_share", 2.0)]
    public void A_difficulty_knob_out_of_range_is_rejected_naming_its_key(string key, double value)
    {
        SyntheticConfig config = key switch
        {
            "appearance_jitter" => new SyntheticConfig { AppearanceJitter = value },
            "distractor_share" => new SyntheticConfig { DistractorShare = value },
            _ => new SyntheticConfig { HomeSceneShare = value },
        };
        var error = Assert.Throws<BadInputException>(config.Validate);
        Assert.StartsWith($"synth.{key}", error.Message);
        Assert.Contains("between 0 and 1", error.Message);
    }

    [Fact]
    public void Split_shares_that_do_not_add_up_to_one_are_rejected_naming_synth_split()
    {
        var config = new SyntheticConfig { Split = new ClassSplitShares { Base = 0.7, Val = 0.2, Novel = 0.2 } };
        var error = Assert.Throws<BadInputException>(config.Validate);
        Assert.StartsWith("synth.split", error.Message);
    }

    [Fact]
    public void A_split_that_leaves_a_part_empty_is_rejected_before_anything_is_written()
    {
        string folder = Path.Combine(Path.GetTempPath(), "vrec-synth-bad-" + Guid.NewGuid().ToString("N"));
        var config = new SyntheticConfig { Output = folder, Classes = 6, Split = new ClassSplitShares { Base = 0.9, Val = 0.05, Novel = 0.05 } };
        var error = Assert.Throws<BadInputException>(() => SyntheticDataset.Generate(config, Seed.From(1), SilentProgress.Instance, CancellationToken.None));
        Assert.StartsWith("synth.split", error.Message);
        Assert.Contains("val 0", error.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void An_out_of_range_value_is_rejected_naming_its_key()
    {
        var error = Assert.Throws<BadInputException>(new SyntheticConfig { Fps = 0 }.Validate);
        Assert.StartsWith("synth.fps", error.Message);
        var shareError = Assert.Throws<BadInputException>(new SyntheticConfig { Split = new ClassSplitShares { Base = 1.5, Val = -0.25, Novel = -0.25 } }.Validate);
        Assert.StartsWith("synth.split.", shareError.Message);
    }
}
