using System.Text;
using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets;

/// <summary>Which part of a few-shot split a class belongs to.</summary>
public enum SplitPart
{
    /// <summary>Trained on with video-level labels.</summary>
    Base,

    /// <summary>Held out for choosing hyper-parameters with few-shot episodes.</summary>
    Val,

    /// <summary>Held out for the final few-shot test.</summary>
    Novel,
}

/// <summary>
/// A few-shot class split: every class name with its part. On disk (splits.txt): lines starting with
/// <c>#</c> are comments (who made the split and how), every other non-empty line is <c>part&lt;TAB&gt;class name</c>
/// with part one of base, val, novel.
/// </summary>
public sealed record ClassSplit(IReadOnlyList<(SplitPart Part, string ClassName)> Classes)
{
    public IEnumerable<string> ClassesIn(SplitPart part) =>
        Classes.Where(c => c.Part == part).Select(c => c.ClassName);

    public int Count(SplitPart part) => Classes.Count(c => c.Part == part);

    public void Write(string path, IEnumerable<string> headerComments)
    {
        var text = new StringBuilder();
        foreach (string comment in headerComments)
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        foreach ((SplitPart part, string name) in Classes)
        {
            text.Append(PartName(part)).Append('\t').Append(name).Append('\n');
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }

    public static ClassSplit Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"Class split file '{path}' does not exist.");
        }

        var classes = new List<(SplitPart, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != 2 || !TryParsePart(fields[0].Trim(), out SplitPart part) || fields[1].Trim().Length == 0)
            {
                throw new BadInputException(
                    $"Class split file '{path}', line {lineNumber}: expected '<part><TAB><class name>' with part base, val or novel, got '{line}'.");
            }

            string name = fields[1].Trim();
            if (!seen.Add(name))
            {
                throw new BadInputException($"Class split file '{path}', line {lineNumber}: class '{name}' is listed twice.");
            }

            classes.Add((part, name));
        }

        return new ClassSplit(classes);
    }

    public static string PartName(SplitPart part) => part switch
    {
        SplitPart.Base => "base",
        SplitPart.Val => "val",
        SplitPart.Novel => "novel",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    private static bool TryParsePart(string text, out SplitPart part)
    {
        foreach (SplitPart candidate in Enum.GetValues<SplitPart>())
        {
            if (PartName(candidate) == text)
            {
                part = candidate;
                return true;
            }
        }

        part = default;
        return false;
    }
}
