using VideoRecognition.Configuration;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Runs;

public sealed class RunConfigFileTests
{
    private static RunConfig Parse(string yaml, params string[] overrides) =>
        RunConfigFile.Parse(yaml, "test.yaml", overrides.Select(ConfigOverride.Parse).ToList());

    private static string Problem(string yaml, params string[] overrides) =>
        Assert.Throws<BadInputException>(() => Parse(yaml, overrides)).Message;

    [Fact]
    public void Embedded_default_is_the_checked_in_synthetic_config()
    {
        var embedded = RunConfigFile.Load(null);
        var onDisk = RunConfigFile.Load(Path.Combine(RepositoryPaths.Root, "configs", "synthetic.yaml"));
        Assert.Equal(onDisk, embedded);
    }

    [Fact]
    public void Keys_that_are_not_written_keep_their_defaults()
    {
        var config = Parse("seed: 7\nsynth:\n  classes: 12\n");
        Assert.Equal(7, config.Seed);
        Assert.Equal(12, config.Synth.Classes);
        Assert.Equal(new RunConfig().Synth.Fps, config.Synth.Fps);
        Assert.Equal(new RunConfig().Synth.Split, config.Synth.Split);
    }

    [Fact]
    public void A_partly_written_nested_record_keeps_its_sections_defaults_for_the_rest()
    {
        // synth.split defaults to 0.5/0.25/0.25, unlike a bare ClassSplitShares (0.64/0.16/0.20): the
        // unwritten base share must come from the synth section, or these shares would not add up to 1.
        var config = Parse("synth:\n  split: { val: 0.2, novel: 0.3 }\n");
        Assert.Equal((0.5, 0.2, 0.3), (config.Synth.Split.Base, config.Synth.Split.Val, config.Synth.Split.Novel));
        Assert.NotEqual(new VideoRecognition.Datasets.ClassSplitShares().Base, config.Synth.Split.Base);
    }

    [Fact]
    public void Unknown_key_names_file_line_key_and_the_allowed_keys()
    {
        string message = Problem("seed: 1\nsynth:\n  clases: 3\n");
        Assert.Contains("test.yaml, line 3", message);
        Assert.Contains("synth.clases", message);
        Assert.Contains("unknown key", message);
        Assert.Contains("videos_per_class", message);
    }

    [Fact]
    public void Out_of_range_value_names_the_key_and_the_allowed_range()
    {
        string message = Problem("synth:\n  fps: 0\n");
        Assert.Contains("synth.fps", message);
        Assert.Contains("between 1 and 60", message);
        Assert.Contains("got 0", message);
    }

    [Fact]
    public void Enum_value_lists_the_allowed_values()
    {
        string message = Problem("device: gpu\n");
        Assert.Contains("device", message);
        Assert.Contains("cpu, cuda", message);
        Assert.Contains("'gpu'", message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        string message = Problem("device: gpu\nsynth:\n  fps: -1\n  width: wide\n");
        Assert.Contains("device", message);
        Assert.Contains("synth.fps", message);
        Assert.Contains("synth.width", message);
    }

    [Fact]
    public void Overrides_win_over_the_file_and_are_checked_by_the_same_rules()
    {
        var config = Parse("seed: 1\nsynth:\n  classes: 12\n", "synth.classes=40", "seed=9", "synth.split.val=0.2", "synth.split.novel=0.3");
        Assert.Equal(40, config.Synth.Classes);
        Assert.Equal(9, config.Seed);
        Assert.Equal((0.2, 0.3), (config.Synth.Split.Val, config.Synth.Split.Novel));

        string message = Problem("seed: 1\n", "synth.width=abc");
        Assert.Contains("command-line override 'synth.width=abc'", message);
        Assert.Contains("whole number", message);
    }

    [Fact]
    public void Override_of_an_unknown_section_is_refused()
    {
        string message = Problem("seed: 1\n", "synht.classes=3");
        Assert.Contains("synht", message);
        Assert.Contains("unknown key", message);
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=3")]
    [InlineData("Synth.Classes=3")]
    public void Malformed_override_is_refused(string assignment)
    {
        Assert.Throws<BadInputException>(() => ConfigOverride.Parse(assignment));
    }

    [Fact]
    public void Malformed_yaml_names_the_line()
    {
        string message = Problem("seed: 1\nsynth: [1,\n");
        Assert.Contains("test.yaml, line", message);
        Assert.Contains("malformed YAML", message);
    }

    [Fact]
    public void A_section_that_is_not_a_mapping_is_refused()
    {
        Assert.Contains("synth: expected a mapping", Problem("synth: 3\n"));
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var e = Assert.Throws<BadInputException>(() => RunConfigFile.Load("/no/such/dir/run.yaml"));
        Assert.Contains("/no/such/dir/run.yaml", e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Saved_effective_config_loads_back_to_the_same_config()
    {
        using var temp = new TempFolder();
        var config = Parse("seed: 5\ndevice: cuda\nsynth:\n  classes: 17\n  duration_scale: 0.0375\n");
        string path = temp[RunConfigFile.EffectiveConfigFileName];
        RunConfigFile.Save(config, path);
        Assert.Equal(config, RunConfigFile.Load(path));
        Assert.Contains("videos_per_class:", File.ReadAllText(path));
    }
}
