using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using VideoRecognition.Runtime;

namespace VideoRecognition.Configuration;

/// <summary>
/// The rules a config record states about itself: DataAnnotations on single keys, <see cref="IConfigSection"/>
/// across keys. Used by the YAML binder (with line numbers) and by engine entry points that are handed a
/// record built in code.
/// </summary>
public static class ConfigValidation
{
    /// <summary>Throws <see cref="BadInputException"/> listing every broken rule of the section, keys prefixed with <paramref name="path"/>.</summary>
    public static void ThrowIfInvalid(object section, string path)
    {
        var problems = Problems(section, path).Select(p => $"{p.Key}: {p.Problem}").ToList();
        if (problems.Count > 0)
        {
            throw new BadInputException(string.Join(Environment.NewLine, problems));
        }
    }

    public static IEnumerable<(string Key, string Problem)> Problems(object section, string path)
    {
        foreach (PropertyInfo property in ConfigBinder.SettableProperties(section.GetType()))
        {
            object? value = property.GetValue(section);
            string key = ConfigKeys.Join(path, ConfigKeys.FromProperty(property.Name));
            if (value is not null && ConfigBinder.IsRecord(value.GetType()))
            {
                foreach (var problem in Problems(value, key))
                {
                    yield return problem;
                }
            }
            else if (Violation(property, value) is { } problem)
            {
                yield return (key, problem);
            }
        }

        if (section is IConfigSection rules)
        {
            foreach (var (key, problem) in rules.Check())
            {
                yield return (ConfigKeys.Join(path, key), problem);
            }
        }
    }

    /// <summary>What is wrong with one value by its property's attributes, or null when nothing is.</summary>
    internal static string? Violation(PropertyInfo property, object? value)
    {
        foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
        {
            if (rule.IsValid(value))
            {
                continue;
            }

            return rule switch
            {
                RangeAttribute range => $"must be between {range.Minimum} and {range.Maximum} (got {Format(value)})",
                AllowedValuesAttribute allowed => $"must be one of: {string.Join(", ", allowed.Values)} (got {Format(value)})",
                RequiredAttribute => "must not be empty",
                _ => rule.FormatErrorMessage(property.Name),
            };
        }

        return null;
    }

    private static string Format(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "nothing";
}
