using System.Text;
using System.Text.Json;
using VideoRecognition.Runtime;

namespace VideoRecognition.Pipeline;

/// <summary>One table of a benchmark: a title over plain-text cells (the command line draws it, <see cref="BenchmarkReport{TResult}.Markdown"/> gives it as text).</summary>
public sealed record BenchmarkTable(string Title, StudyTable.Grid Grid);

/// <summary>
/// What a `vrec bench` command measured, the machine it ran on and the JSON file already written, with the
/// tables and the lines of text that say it; the command line only draws them.
/// </summary>
public sealed record BenchmarkReport<TResult>(TResult Result, MachineDescription Machine, string JsonFile, IReadOnlyList<BenchmarkTable> Tables, IReadOnlyList<string> Lines)
{
    /// <summary>The tables and lines as Markdown, ready to paste under the README's "Measured speed".</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        foreach (BenchmarkTable table in Tables)
        {
            text.Append("**").Append(table.Title).Append("**\n\n");
            StudyTable.Append(text, table.Grid);
            text.Append('\n');
        }

        foreach (string line in Lines)
        {
            text.Append(line).Append("\n\n");
        }

        return text.ToString();
    }
}

/// <summary>Writes a benchmark's JSON file.</summary>
internal static class BenchmarkJson
{
    // Reflection-based on purpose: these files keep the key names (mixed spellings included) of the ones
    // behind the published figures, which an anonymous object states key by key.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(string folder, string fileName, object content)
    {
        string path = Path.Combine(folder, fileName);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(content, Indented));
        return path;
    }
}
