using System.Globalization;
using System.Reflection;
using VideoRecognition.Configuration;
using VideoRecognition.Runtime;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VideoRecognition.Runs;

/// <summary>Reads, overrides, validates and writes run configurations in YAML.</summary>
public static class RunConfigFile
{
    /// <summary>Name used for the built-in default (configs/synthetic.yaml, embedded in the engine).</summary>
    public const string EmbeddedDefaultName = "configs/synthetic.yaml (built in)";

    /// <summary>The key naming the file a config starts from.</summary>
    public const string BaseKey = "_base_";

    /// <summary>The file written beside every run's outputs: what the run really used.</summary>
    public const string EffectiveConfigFileName = "effective-config.yaml";

    /// <summary>Loads <paramref name="path"/>, or the embedded default when it is null, then applies the overrides.</summary>
    public static RunConfig Load(string? path, IReadOnlyList<ConfigOverride>? overrides = null) =>
        path is null
            ? LoadEmbedded("synthetic.yaml", overrides)
            : Bind(LoadWithBase(path, ReadFile, depth: 0), path, overrides ?? []);

    /// <summary>The model section of a saved run configuration (a checkpoint's config.yaml): what rebuilds its model.</summary>
    public static Model.ModelConfig ModelConfigOf(string path) => Load(path).Model;

    /// <summary>One of the configs shipped in configs/ (embedded in the engine), e.g. "baseline.yaml".</summary>
    public static RunConfig LoadEmbedded(string name, IReadOnlyList<ConfigOverride>? overrides = null) =>
        Bind(LoadWithBase(name, ReadEmbedded, depth: 0), name == "synthetic.yaml" ? EmbeddedDefaultName : $"configs/{name} (built in)", overrides ?? []);

    public static RunConfig Parse(string yaml, string source, IReadOnlyList<ConfigOverride> overrides) =>
        Bind(ParseYaml(yaml, source), source, overrides);

    /// <summary>
    /// A file may start from another (`_base_: synthetic.yaml`, relative to the file, as in mmaction2): the
    /// base is loaded first and this file's keys are merged over it, mapping by mapping.
    /// </summary>
    private static YamlNode? LoadWithBase(string path, Func<string, string> read, int depth)
    {
        if (depth > 8)
        {
            throw new BadInputException($"{path}: _base_ files nest more than 8 deep (is there a cycle?)");
        }

        YamlNode? root = ParseYaml(read(path), path);
        if (root is null or YamlScalarNode { Value: null or "" })
        {
            // Code defaults are not the shipped default: an empty file is far likelier a mistake than a wish for them.
            throw new BadInputException($"{path} holds no settings (it is empty or only comments); leave --config out for the built-in default (configs/synthetic.yaml), or start a file from it with `{BaseKey}: synthetic.yaml`");
        }

        if (root is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(BaseKey), out YamlNode? baseNode))
        {
            return root;
        }

        mapping.Children.Remove(new YamlScalarNode(BaseKey));
        if (baseNode is not YamlScalarNode { Value: { Length: > 0 } baseName })
        {
            throw new BadInputException($"{path}, line {baseNode.Start.Line}: {BaseKey} must name a config file");
        }

        string basePath = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, baseName);
        return Merge(LoadWithBase(basePath, read, depth + 1), mapping);
    }

    private static YamlNode Merge(YamlNode? under, YamlMappingNode over)
    {
        if (under is not YamlMappingNode merged)
        {
            return over;
        }

        foreach (var (key, value) in over.Children)
        {
            merged.Children[key] = merged.Children.TryGetValue(key, out YamlNode? existing) && existing is YamlMappingNode && value is YamlMappingNode child
                ? Merge(existing, child)
                : value;
        }

        return merged;
    }

    private static RunConfig Bind(YamlNode? root, string source, IReadOnlyList<ConfigOverride> overrides)
    {
        var overrideNodes = new Dictionary<YamlNode, ConfigOverride>(ReferenceEqualityComparer.Instance);
        foreach (var setting in overrides)
        {
            root = Apply(root, setting, source, overrideNodes);
        }

        var binder = new ConfigBinder(node => overrideNodes.TryGetValue(node, out var o)
            ? $"command-line override '{o}'"
            : $"{source}, line {node.Start.Line}");
        var config = binder.Bind<RunConfig>(root);
        if (binder.Problems.Count > 0)
        {
            throw new BadInputException(
                $"{source} is not a valid run configuration:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", binder.Problems));
        }

        return config;
    }

    /// <summary>Writes the config as YAML (atomically), with every key spelled out so the run can be repeated from it.</summary>
    public static void Save(RunConfig config, string path) => AtomicFile.WriteAllText(path, ToYaml(config));

    public static string ToYaml(RunConfig config)
    {
        var stream = new YamlStream(new YamlDocument(ToNode(config)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return "# Effective configuration: the file, then command-line overrides, then defaults." + Environment.NewLine
            + writer.ToString().Replace("...\n", string.Empty, StringComparison.Ordinal);
    }

    private static YamlNode ToNode(object value)
    {
        if (ConfigBinder.IsRecord(value.GetType()))
        {
            var mapping = new YamlMappingNode();
            foreach (PropertyInfo property in ConfigBinder.SettableProperties(value.GetType()))
            {
                object? child = property.GetValue(value);
                mapping.Add(ConfigKeys.FromProperty(property.Name), child is null ? new YamlScalarNode("~") : ToNode(child));
            }

            return mapping;
        }

        return new YamlScalarNode(value switch
        {
            Enum e => ConfigKeys.FromProperty(e.ToString()),
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        });
    }

    private static string ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new BadInputException($"config file '{path}' is a folder; give a YAML file such as {Path.Combine(path, "run.yaml")}");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BadInputException($"config file '{path}' not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"config file '{path}' cannot be read: {e.Message}");
        }
    }

    private static string ReadEmbedded(string name)
    {
        using Stream stream = typeof(RunConfigFile).Assembly.GetManifestResourceStream("VideoRecognition.configs." + Path.GetFileName(name))
            ?? throw new BadInputException($"no built-in config named '{name}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int? FirstTabIndentedLine(string yaml)
    {
        string[] lines = yaml.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TakeWhile(char.IsWhiteSpace).Contains('\t'))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static YamlNode? ParseYaml(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e) when (FirstTabIndentedLine(yaml) is { } line && (e.InnerException?.Message ?? e.Message).Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            // YamlDotNet places this error at the start of the mapping it was scanning (often line 1): name the line itself.
            throw new BadInputException($"{source}, line {line}: malformed YAML: a tab in the indentation (YAML indents with spaces)");
        }
        catch (YamlException e)
        {
            throw new BadInputException($"{source}, line {e.Start.Line}, column {e.Start.Column}: malformed YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way (without a position) on some unclosed flow collections, e.g. "[0" then "{a: 1".
            throw new BadInputException($"{source}: malformed YAML: a '[' or '{{' is not closed (or a flow collection is cut short)");
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static YamlNode Apply(YamlNode? root, ConfigOverride setting, string source, Dictionary<YamlNode, ConfigOverride> overrideNodes)
    {
        var top = root as YamlMappingNode ?? new YamlMappingNode();
        if (root is not null and not YamlMappingNode)
        {
            throw new BadInputException($"{source}: the top level must be a mapping of keys");
        }

        YamlMappingNode parent = top;
        string[] parts = setting.Key.Split('.');
        foreach (string part in parts[..^1])
        {
            var key = new YamlScalarNode(part);
            if (!parent.Children.TryGetValue(key, out YamlNode? child) || child is not YamlMappingNode childMapping)
            {
                childMapping = new YamlMappingNode();
                parent.Children[key] = childMapping;
                overrideNodes[childMapping] = setting;
            }

            parent = childMapping;
        }

        var leafKey = new YamlScalarNode(parts[^1]);
        var value = new YamlScalarNode(setting.Value);
        parent.Children[leafKey] = value;
        overrideNodes[value] = setting;
        foreach (var existingKey in parent.Children.Keys.Where(k => k.Equals(leafKey)))
        {
            overrideNodes[existingKey] = setting;
        }

        return top;
    }
}
