using System.Text.RegularExpressions;

namespace VideoRecognition.Tests.Architecture;

/// <summary>
/// The shape of src/ that keeps the house easy to live in: stages depend on each other in one direction only
/// (no cycle in the graph of namespaces their `using` lines and qualified names draw), and no source file
/// grows past 300 lines (tests and build files included).
/// </summary>
public sealed partial class SourceShapeTests
{
    private const int MaxLines = 300;

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"^namespace (VideoRecognition[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using (?:static )?(?:\w+ = )?(VideoRecognition(?:\.\w+)*)[.;]", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"(?<![\w.])(VideoRecognition(?:\.[A-Z]\w*)+)\.")]
    private static partial Regex QualifiedName();

    /// <summary>Namespace -> the namespaces it uses, each with the files that draw the edge.</summary>
    public static Dictionary<string, Dictionary<string, List<string>>> NamespaceGraph()
    {
        var graph = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        var files = SourceFiles().Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
        var namespaces = files.Select(f => NamespaceLine().Match(f.Text)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            Match own = NamespaceLine().Match(text);
            if (!own.Success)
            {
                continue;
            }

            string from = own.Groups[1].Value;
            var used = UsingLine().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(QualifiedName().Matches(text).Select(m => m.Groups[1].Value));
            foreach (string name in used)
            {
                // A qualified type name (VideoRecognition.Backbones.BackboneFactory) counts as its namespace.
                string? to = Enumerable.Range(0, name.Count(c => c == '.') + 1)
                    .Select(cut => string.Join('.', name.Split('.').SkipLast(cut)))
                    .FirstOrDefault(namespaces.Contains);
                if (to is null || to == from || from.StartsWith(to + ".", StringComparison.Ordinal))
                {
                    continue; // its own namespace, or one enclosing it (visible without a using)
                }

                var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new(StringComparer.Ordinal);
                (edges.TryGetValue(to, out var list) ? list : edges[to] = []).Add(Path.GetRelativePath(RepositoryPaths.Root, path));
            }
        }

        return graph;
    }

    [Fact]
    public void No_namespace_of_src_depends_on_itself_through_others()
    {
        var graph = NamespaceGraph();
        Assert.Contains("VideoRecognition.Training", graph.Keys); // the graph was read at all
        var cycles = StronglyConnected(graph).Where(c => c.Count > 1).ToList();
        string Describe(List<string> cycle) => string.Join(Environment.NewLine, cycle.SelectMany(a => cycle
            .Where(b => graph.TryGetValue(a, out var e) && e.ContainsKey(b))
            .Select(b => $"  {a} -> {b} ({string.Join(", ", graph[a][b].Distinct().Take(4))})")));
        Assert.True(cycles.Count == 0, "namespace cycles:" + Environment.NewLine + string.Join(Environment.NewLine, cycles.Select(Describe)));
    }

    [Fact]
    public void The_check_finds_a_cycle_where_there_is_one()
    {
        var graph = new Dictionary<string, Dictionary<string, List<string>>>
        {
            ["A"] = new() { ["B"] = ["a.cs"] },
            ["B"] = new() { ["C"] = ["b.cs"] },
            ["C"] = new() { ["A"] = ["c.cs"] },
            ["D"] = new() { ["A"] = ["d.cs"] },
        };
        Assert.Equal(["A", "B", "C"], Assert.Single(StronglyConnected(graph), c => c.Count > 1).Order());
    }

    /// <summary>
    /// The one exception: build/ElfVersionNeeds.cs is the whole source of an MSBuild inline task, and
    /// RoslynCodeTaskFactory takes a task's code from one file.
    /// </summary>
    private static readonly string[] SingleFileTasks = [Path.Combine("build", "ElfVersionNeeds.cs")];

    private static IEnumerable<string> TestAndBuildFiles() =>
        new[] { "tests", "build" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !SingleFileTasks.Contains(Path.GetRelativePath(RepositoryPaths.Root, f)));

    [Fact]
    public void No_file_in_src_tests_or_build_is_longer_than_300_lines()
    {
        var longer = SourceFiles().Concat(TestAndBuildFiles())
            .Select(f => (File: Path.GetRelativePath(RepositoryPaths.Root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.True(longer.Count == 0, string.Join(Environment.NewLine, longer));
    }

    /// <summary>Tarjan's strongly connected components: a component of more than one namespace is a cycle.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, List<string>>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (string w in graph.TryGetValue(v, out var edges) ? edges.Keys.ToList() : [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                components.Add(component);
            }
        }

        foreach (string v in graph.Keys.Concat(graph.Values.SelectMany(e => e.Keys)).Distinct().Order(StringComparer.Ordinal).ToList())
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return components;
    }
}
