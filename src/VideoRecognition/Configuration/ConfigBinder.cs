using System.Globalization;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace VideoRecognition.Configuration;

/// <summary>
/// Turns a YAML node tree into a config record, collecting every problem with the place it came from
/// (file line, or the command-line override) and the key, so that one run shows all mistakes at once.
/// Keys absent from the YAML keep the record's defaults.
/// </summary>
internal sealed class ConfigBinder(Func<YamlNode, string> describeSource)
{
    private readonly List<string> problems = [];

    public IReadOnlyList<string> Problems => problems;

    public T Bind<T>(YamlNode? root)
        where T : new()
    {
        return root is null ? new T() : (T)BindRecord(root, typeof(T), string.Empty, null);
    }

    // A nested record starts from its parent's default (not its own type's), so a section can default a
    // shared record differently (synth.split vs the ActivityNet split shares) and a partial mapping keeps the rest.
    private object BindRecord(YamlNode node, Type type, string path, object? parentDefault)
    {
        object record = parentDefault ?? Activator.CreateInstance(type)!;
        if (node is YamlScalarNode { Value: null or "" or "~" })
        {
            return record; // an empty section keeps every default
        }

        if (node is not YamlMappingNode mapping)
        {
            Report(node, path, "expected a mapping of keys (key: value)");
            return record;
        }

        var properties = SettableProperties(type).ToDictionary(p => ConfigKeys.FromProperty(p.Name));
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            string keyPath = ConfigKeys.Join(path, key);
            if (!properties.TryGetValue(key, out var property))
            {
                Report(keyNode, keyPath, $"unknown key; allowed keys{(path.Length == 0 ? string.Empty : $" under '{path}'")}: {string.Join(", ", properties.Keys)}");
                continue;
            }

            object? value = BindValue(valueNode, property.PropertyType, keyPath, property.GetValue(record));
            if (value is not null)
            {
                property.SetValue(record, value);
                Validate(property, value, valueNode, keyPath);
            }
        }

        if (record is IConfigSection section)
        {
            foreach (var (key, problem) in section.Check())
            {
                Report(node, ConfigKeys.Join(path, key), problem);
            }
        }

        return record;
    }

    private object? BindValue(YamlNode node, Type type, string path, object? parentDefault)
    {
        Type target = Nullable.GetUnderlyingType(type) ?? type;
        if (IsRecord(target))
        {
            return BindRecord(node, target, path, parentDefault);
        }

        if (node is not YamlScalarNode scalar)
        {
            Report(node, path, $"expected a single value ({Describe(target)})");
            return null;
        }

        string text = scalar.Value ?? string.Empty;
        if (target == typeof(string))
        {
            return text;
        }

        if (target.IsEnum)
        {
            var names = Enum.GetNames(target).Select(ConfigKeys.FromProperty).ToArray();
            int index = Array.IndexOf(names, text.Trim().ToLowerInvariant());
            if (index < 0)
            {
                Report(node, path, $"must be one of: {string.Join(", ", names)} (got '{text}')");
                return null;
            }

            return Enum.GetValues(target).GetValue(index);
        }

        object? parsed = target switch
        {
            _ when target == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? i : null,
            _ when target == typeof(long) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : null,
            _ when target == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d : null,
            _ when target == typeof(bool) => text.ToLowerInvariant() switch { "true" or "yes" or "on" => true, "false" or "no" or "off" => false, _ => null },
            _ => throw new NotSupportedException($"config binding of {target.Name} ({path})"),
        };
        if (parsed is null)
        {
            Report(node, path, $"expected {Describe(target)} (got '{text}')");
        }

        return parsed;
    }

    private void Validate(PropertyInfo property, object value, YamlNode node, string path)
    {
        if (ConfigValidation.Violation(property, value) is { } problem)
        {
            Report(node, path, problem);
        }
    }

    private void Report(YamlNode node, string path, string problem) =>
        problems.Add($"{describeSource(node)}: {(path.Length == 0 ? "(top level)" : path)}: {problem}");

    internal static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "EqualityContract");

    internal static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.GetMethod("<Clone>$") is not null;

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ => "a text value",
    };

}
