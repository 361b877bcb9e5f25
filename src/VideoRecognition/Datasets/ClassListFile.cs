using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets;

/// <summary>
/// A plain list of class names, one per line (ActivityNet's action_name.csv). Blank lines and <c>#</c>
/// comments are skipped, and so is a first line <c>action</c>: the header action_name.csv starts with.
/// </summary>
public static class ClassListFile
{
    public const string ActionNameHeader = "action";

    public static IReadOnlyList<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"Class list file '{path}' does not exist.");
        }

        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            string name = line.Trim();
            if (name.Length == 0 || name.StartsWith('#') || (lineNumber == 1 && name == ActionNameHeader))
            {
                continue;
            }

            if (!seen.Add(name))
            {
                throw new BadInputException($"Class list file '{path}', line {lineNumber}: class '{name}' is listed twice.");
            }

            names.Add(name);
        }

        return names.Count > 0 ? names : throw new BadInputException($"Class list file '{path}' lists no classes (one name per line expected).");
    }
}
