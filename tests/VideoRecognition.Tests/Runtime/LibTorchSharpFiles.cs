using System.Text.Json;

namespace VideoRecognition.Tests.Runtime;

/// <summary>Where the test run's libLibTorchSharp.so copy and the NuGet package's untouched original live.</summary>
internal static class LibTorchSharpFiles
{
    public const string WeakVersion = "GLIBCXX_3.4.32";

    public static string InOutput()
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"),
        ];
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new FileNotFoundException($"libLibTorchSharp.so is not in the test output: looked at {string.Join(", ", candidates)}");
    }

    /// <summary>The package cache copy, located through the package path recorded in this run's deps.json; null when absent.</summary>
    public static string? PackageOriginal()
    {
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(root, PackageFolder() ?? Path.Combine("torchsharp", "0.107.0"), "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(path) ? path : null;
    }

    private static string? PackageFolder()
    {
        string deps = Path.Combine(AppContext.BaseDirectory, "VideoRecognition.Tests.deps.json");
        if (!File.Exists(deps))
        {
            return null;
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(deps));
        foreach (JsonProperty library in document.RootElement.GetProperty("libraries").EnumerateObject())
        {
            if (library.Name.StartsWith("TorchSharp/", StringComparison.Ordinal) && library.Value.TryGetProperty("path", out JsonElement path))
            {
                return path.GetString();
            }
        }

        return null;
    }
}
