namespace VideoRecognition.Runtime;

/// <summary>/proc/loadavg, to say how busy the machine was around a measurement.</summary>
public static class LoadAverage
{
    public static string Read()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
