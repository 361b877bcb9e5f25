using System.Runtime.InteropServices;

namespace VideoRecognition.Runtime;

/// <summary>
/// The machine a measurement ran on, printed with every benchmark so that no figure travels without it.
/// </summary>
public sealed record MachineDescription(string Cpu, int Cores, string MemoryGiB, string Os, string Dotnet, int TorchThreads, string Allocator)
{
    public static MachineDescription Current() => new(
        CpuModel(),
        Environment.ProcessorCount,
        (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024)).ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        TorchSharp.torch.get_num_threads(),
        Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is { Length: > 0 } tunables ? $"GLIBC_TUNABLES={tunables}" : "glibc default");

    public override string ToString() =>
        $"{Cpu}, {Cores} cores, {MemoryGiB} GiB; {Os}; {Dotnet}; torch threads {TorchThreads}; {Allocator}";

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
                .Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
