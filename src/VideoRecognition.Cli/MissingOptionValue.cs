using System.Reflection;
using Spectre.Console.Cli;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli;

/// <summary>
/// Spectre.Console.Cli (0.57) gives an option written last without its value the parser's internal token
/// "__default_command" instead of refusing it, so `vrec train --out` would train into a folder of that name.
/// This finds such options after parsing and refuses the command, naming the option.
/// </summary>
internal static class MissingOptionValue
{
    private const string ParserPlaceholder = "__default_command";

    public static void Refuse(CommandSettings settings)
    {
        foreach (PropertyInfo property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is not { } option || !Holds(property.GetValue(settings)))
            {
                continue;
            }

            string name = option.LongNames.Count > 0 ? $"--{option.LongNames[0]}" : $"-{option.ShortNames[0]}";
            throw new BadInputException($"{name} needs a value (e.g. {name} {Example(option)})");
        }
    }

    private static bool Holds(object? value) => value switch
    {
        string text => text == ParserPlaceholder,
        string[] texts => texts.Contains(ParserPlaceholder),
        _ => false,
    };

    private static string Example(CommandOptionAttribute option) =>
        option.ValueName is { Length: > 0 } valueName ? $"<{valueName}>" : "<value>";
}
