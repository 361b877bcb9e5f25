namespace VideoRecognition.Runtime;

/// <summary>Checks an output folder before a long job starts, so a typo fails in a second, not after an hour.</summary>
public static class OutputFolder
{
    /// <summary>Creates the folder if needed and proves a file can be written in it.</summary>
    public static string Prepare(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
            string probe = Path.Combine(full, $".vrec-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"output folder '{path}' cannot be written: {e.Message}", e);
        }
    }
}
