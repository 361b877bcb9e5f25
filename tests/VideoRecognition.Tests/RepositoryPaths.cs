namespace VideoRecognition.Tests;

/// <summary>Where the repository and the shared data folder are, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindUp("VideoRecognition.sln")
        ?? throw new InvalidOperationException("the tests must run inside the repository (VideoRecognition.sln not found above the test assembly)");

    /// <summary>The shared data folder next to the repository (../shared/data), or null when this machine has none.</summary>
    public static string? SharedData { get; } = FindSharedData();

    public static string TestOutput => AppContext.BaseDirectory;

    private static string? FindUp(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, fileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? FindSharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
