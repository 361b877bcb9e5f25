using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Spectre.Console.Cli;
using VideoRecognition.Configuration;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>Options every command takes: which config, overrides of its keys, the seed, how much to log.</summary>
internal class RunSettings : CommandSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("YAML run configuration (default: the built-in configs/synthetic.yaml).")]
    public string? Config { get; init; }

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override a config key, e.g. --set synth.classes=40 (repeatable).")]
    public string[] Set { get; init; } = [];

    [CommandOption("--seed <N>")]
    [Description("Seed for every random choice of the run (config key: seed).")]
    [ConfigKey("seed")]
    public string? Seed { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("cpu or cuda (config key: device).")]
    [ConfigKey("device")]
    public string? Device { get; init; }

    [CommandOption("--log-level <LEVEL>")]
    [Description("debug, info, warning or error (default: info).")]
    [DefaultValue(LogLevel.Info)]
    public LogLevel LogLevel { get; init; } = LogLevel.Info;

    /// <summary>The config file with flags and --set applied, validated.</summary>
    public RunConfig LoadConfig() => RunConfigFile.Load(Config, Overrides());

    /// <summary>
    /// The prologue of every command that writes a folder: the folder prepared (created, checked writable)
    /// and the effective configuration saved in it, so the run can be repeated from its outputs. A folder that
    /// already has one keeps it until this command succeeds: a run refused or failed over earlier outputs must
    /// not leave them described by settings that did not make them.
    /// </summary>
    public string PrepareOutput(RunConfig config, string folder)
    {
        string output = OutputFolder.Prepare(folder);
        string path = Path.Combine(output, RunConfigFile.EffectiveConfigFileName);
        if (File.Exists(path))
        {
            configOnSuccess = (config, path);
        }
        else
        {
            RunConfigFile.Save(config, path);
        }

        return output;
    }

    /// <summary>After the command succeeded: the effective configuration <see cref="PrepareOutput"/> held back.</summary>
    public void SaveHeldConfig()
    {
        if (configOnSuccess is var (config, path))
        {
            RunConfigFile.Save(config, path);
            configOnSuccess = null;
        }
    }

    private (RunConfig Config, string Path)? configOnSuccess;

    /// <summary>Every config key the command line sets: the flags that name one, then each --set, in that order.</summary>
    public IReadOnlyList<ConfigOverride> Overrides()
    {
        var overrides = new List<ConfigOverride>();
        foreach (PropertyInfo property in GetType().GetProperties())
        {
            if (property.GetCustomAttribute<ConfigKeyAttribute>() is { } key && property.GetValue(this) is { } value)
            {
                overrides.Add(new ConfigOverride(key.Key, Convert.ToString(value, CultureInfo.InvariantCulture)!));
            }
        }

        overrides.AddRange(Set.Select(ConfigOverride.Parse));
        return overrides;
    }
}
