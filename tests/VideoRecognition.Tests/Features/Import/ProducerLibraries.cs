using System.Diagnostics;
using System.Text.Json;

namespace VideoRecognition.Tests.Features.Import;

/// <summary>
/// Runs feature_fixtures.py with a Python that has the libraries the published feature sets were written with
/// (h5py, pandas, NumPy; Debian's python3-h5py, python3-pandas, python3-numpy, which scripts/setup.sh installs).
/// Debian's /usr/bin/python3 is tried first: a python3 earlier on PATH (pyenv, a venv) may lack them.
/// </summary>
internal static class ProducerLibraries
{
    private static readonly Lazy<string?> Interpreter = new(Find);

    public static string? Python => Interpreter.Value;

    public const string Missing =
        "needs python3 with h5py, pandas and numpy (Debian: apt-get install python3-h5py python3-pandas python3-numpy; scripts/setup.sh installs them)";

    /// <summary>Writes the fixture described by <paramref name="spec"/> (see feature_fixtures.py) with h5py, pandas or NumPy.</summary>
    public static void Write(string kind, object spec, string output)
    {
        string specPath = Path.Combine(Path.GetTempPath(), $"vrec-fixture-{Guid.NewGuid():N}.json");
        File.WriteAllText(specPath, JsonSerializer.Serialize(spec));
        try
        {
            var (code, text) = Run(Python ?? throw new InvalidOperationException(Missing), Script, kind, specPath, output);
            if (code != 0)
            {
                throw new InvalidOperationException($"feature_fixtures.py {kind} failed ({code}): {text}");
            }
        }
        finally
        {
            File.Delete(specPath);
        }
    }

    private static string Script => Path.Combine(RepositoryPaths.Root, "tests", "VideoRecognition.Tests", "Features", "Import", "feature_fixtures.py");

    private static string? Find()
    {
        foreach (string candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                if (Run(candidate, "-c", "import h5py, pandas, numpy").Code == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed under that name
            }
        }

        return null;
    }

    private static (int Code, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}

/// <summary>
/// A test that writes its fixtures with h5py, pandas or NumPy (and, given a folder, reads ../shared/data/folder);
/// skipped with the reason where they are absent.
/// </summary>
public sealed class ProducerLibrariesFactAttribute : FactAttribute
{
    public ProducerLibrariesFactAttribute(string? sharedData = null)
    {
        if (ProducerLibraries.Python is null)
        {
            Skip = ProducerLibraries.Missing;
        }
        else if (sharedData is not null && SharedDataFactAttribute.SharedDataPath(sharedData) is null)
        {
            Skip = $"needs ../shared/data/{sharedData} next to the repository; it is not on this machine";
        }
    }
}
