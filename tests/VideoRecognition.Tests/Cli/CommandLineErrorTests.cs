namespace VideoRecognition.Tests.Cli;

/// <summary>Bad input gets one clear message and a non-zero exit code, never a stack trace.</summary>
public sealed class CommandLineErrorTests
{
    [Fact]
    public void Help_lists_the_commands()
    {
        var result = VrecProcess.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("synth", result.Stdout);
        Assert.Contains("demo", result.Stdout);
        Assert.Contains("split", result.Stdout);
    }

    [Theory]
    [InlineData("synth")]
    [InlineData("index")]
    [InlineData("extract")]
    [InlineData("import-features")]
    [InlineData("split")]
    [InlineData("train")]
    [InlineData("eval")]
    [InlineData("inspect")]
    [InlineData("recognise")]
    [InlineData("bench", "extract")]
    [InlineData("demo")]
    [InlineData("study")]
    [InlineData("study-corrections")]
    [InlineData("config")]
    public void Every_command_prints_its_help(params string[] command)
    {
        // Option descriptions are console markup: a bracket in one ("video,class[,start,end]") once made --help fail.
        var result = VrecProcess.Run([.. command, "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("OPTIONS", result.Stdout);
        Assert.Equal("", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("--out", "train", "--out")]
    [InlineData("--set", "config", "--set")]
    [InlineData("--config", "config", "--seed", "3", "--config")]
    public void An_option_written_last_without_its_value_is_refused(string option, params string[] args)
    {
        using var temp = new TempFolder();
        var result = VrecProcess.RunIn(temp.Path, args);
        VrecProcess.AssertRefused(result, $"{option} needs a value");
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "__default_command")), "a folder named after the parser's placeholder was made");
    }

    [Fact]
    public void Unknown_command_is_a_usage_error()
    {
        var result = VrecProcess.Run("trian");
        VrecProcess.AssertRefused(result, "Unknown command 'trian'");
    }

    [Fact]
    public void Unknown_flag_is_a_usage_error()
    {
        var result = VrecProcess.Run("config", "--sed", "3");
        VrecProcess.AssertRefused(result, "sed");
    }

    [Fact]
    public void Bad_flag_value_names_the_key()
    {
        var result = VrecProcess.Run("config", "--seed", "abc");
        VrecProcess.AssertRefused(result, "seed", "whole number");
    }

    [Fact]
    public void Bad_log_level_is_a_usage_error()
    {
        var result = VrecProcess.Run("config", "--log-level", "loud");
        VrecProcess.AssertRefused(result);
    }

    [Fact]
    public void Missing_config_file_is_named()
    {
        var result = VrecProcess.Run("config", "--config", "/no/such/run.yaml");
        VrecProcess.AssertRefused(result, "/no/such/run.yaml");
    }

    [Fact]
    public void Malformed_config_names_file_and_line()
    {
        using var temp = new TempFolder();
        string path = temp["broken.yaml"];
        File.WriteAllText(path, "seed: 1\nsynth:\n  fps: [10\n");
        var result = VrecProcess.Run("config", "--config", path);
        VrecProcess.AssertRefused(result, "broken.yaml, line");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# my settings, to be written\n\n")]
    public void An_empty_config_file_is_refused_not_read_as_the_code_defaults(string text)
    {
        using var temp = new TempFolder();
        string path = temp["empty.yaml"];
        File.WriteAllText(path, text);
        var result = VrecProcess.Run("config", "--config", path);
        VrecProcess.AssertRefused(result, "empty.yaml holds no settings", "_base_: synthetic.yaml");
    }

    [Fact]
    public void A_tab_in_the_indentation_is_named_at_its_own_line()
    {
        using var temp = new TempFolder();
        string path = temp["tabbed.yaml"];
        File.WriteAllText(path, "seed: 1\nsynth:\n  classes: 40\n  fps: 10\nvideo:\n\tsegments: 8\n");
        var result = VrecProcess.Run("config", "--config", path);
        VrecProcess.AssertRefused(result, "tabbed.yaml, line 6", "tab in the indentation");
    }

    [Fact]
    public void Unclosed_flow_collections_are_malformed_yaml_not_an_internal_error()
    {
        // YamlDotNet's scanner throws InvalidOperationException (no YamlException) on this input.
        using var temp = new TempFolder();
        string path = temp["unclosed.yaml"];
        File.WriteAllText(path, "seed: [0\nvideo: {segments: 8\n");
        var result = VrecProcess.Run("config", "--config", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unclosed.yaml", result.Stderr);
        Assert.Contains("malformed YAML", result.Stderr);
        Assert.DoesNotContain("internal error", result.Output);
        Assert.False(VrecProcess.HasStackTrace(result.Output), result.Output);
    }

    [Fact]
    public void A_folder_given_as_the_config_file_is_named_as_a_folder()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["configs"]);
        var result = VrecProcess.Run("config", "--config", temp["configs"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{temp["configs"]}' is a folder", result.Stderr);
        Assert.DoesNotContain("denied", result.Output);
        Assert.False(VrecProcess.HasStackTrace(result.Output), result.Output);
    }

    [Fact]
    public void Config_command_prints_the_effective_config_with_overrides()
    {
        var result = VrecProcess.Run("config", "--seed", "11", "--set", "synth.classes=40");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("seed: 11", result.Stdout);
        Assert.Contains("classes: 40", result.Stdout);
    }
}
