namespace VideoRecognition.Configuration;

/// <summary>
/// One `key.path=value` setting from the command line, applied on top of the YAML file before the
/// config is bound, so that a flag and a file key are checked by the same rules.
/// </summary>
public sealed record ConfigOverride(string Key, string Value)
{
    /// <summary>Parses `synth.classes=40`; the key must be dotted snake_case words.</summary>
    public static ConfigOverride Parse(string assignment)
    {
        int eq = assignment.IndexOf('=');
        if (eq <= 0)
        {
            throw new Runtime.BadInputException(
                $"--set '{assignment}': expected key=value, for example --set synth.classes=40");
        }

        string key = assignment[..eq].Trim();
        if (key.Split('.').Any(part => part.Length == 0 || !part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
        {
            throw new Runtime.BadInputException(
                $"--set '{assignment}': '{key}' is not a config key (dotted snake_case words, for example synth.videos_per_class)");
        }

        return new ConfigOverride(key, assignment[(eq + 1)..].Trim());
    }

    public override string ToString() => $"{Key}={Value}";
}
