namespace VideoRecognition.Cli.Commands;

/// <summary>
/// Marks a command-line option as a shortcut for a config key: `--classes 40` is `--set synth.classes=40`,
/// so flags and YAML keys share one set of validation rules and one effective config.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ConfigKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
