namespace VideoRecognition.Tests;

/// <summary>
/// A test that needs a folder of ../shared/data (real ActivityNet annotations, real video clips). Where the
/// folder is absent the test is reported as skipped with the reason, never silently passed.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string folder)
    {
        if (SharedDataPath(folder) is null)
        {
            Skip = $"needs ../shared/data/{folder} next to the repository; it is not on this machine";
        }
    }

    /// <summary>The full path of ../shared/data/<paramref name="folder"/>, or null when absent.</summary>
    public static string? SharedDataPath(string folder) =>
        RepositoryPaths.SharedData is { } data && Directory.Exists(Path.Combine(data, folder))
            ? Path.Combine(data, folder)
            : null;
}

/// <summary>The theory counterpart of <see cref="SharedDataFactAttribute"/>.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string folder)
    {
        if (SharedDataFactAttribute.SharedDataPath(folder) is null)
        {
            Skip = $"needs ../shared/data/{folder} next to the repository; it is not on this machine";
        }
    }
}
