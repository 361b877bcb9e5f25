using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace VideoRecognition.Runtime;

/// <summary>
/// libtorch 2.10's oneDNN divides by a cache size it derives from CPUID leaves 4 / 0x8000001D; hypervisors
/// that hide cache topology return zeros there, and the backward pass of strided 1x1 convolutions
/// (ResNet-50's bottlenecks) then dies with SIGFPE, taking the process with it. On such machines, and only
/// for work that needs that backward pass, oneDNN is limited to AVX, which avoids the crash at some speed
/// cost. The variable must reach the native environment before libtorch first runs oneDNN, so this sets it
/// with setenv (Environment.SetEnvironmentVariable does not change what native getenv sees).
/// </summary>
public static class OneDnnGuard
{
    public const string Variable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>True when this x86 CPU reports no cache topology (leaf 4 and leaf 0x8000001D all zeros).</summary>
    public static bool CacheTopologyHidden()
    {
        if (!X86Base.IsSupported)
        {
            return false;
        }

        var (eax4, ebx4, ecx4, _) = X86Base.CpuId(4, 0);
        bool leaf4Empty = eax4 == 0 && ebx4 == 0 && ecx4 == 0;
        var (maxExtended, _, _, _) = X86Base.CpuId(unchecked((int)0x80000000), 0);
        bool amdLeafEmpty = true;
        if (unchecked((uint)maxExtended) >= 0x8000001D)
        {
            var (eax, ebx, ecx, _) = X86Base.CpuId(unchecked((int)0x8000001D), 0);
            amdLeafEmpty = eax == 0 && ebx == 0 && ecx == 0;
        }

        return leaf4Empty && amdLeafEmpty;
    }

    /// <summary>
    /// Limits oneDNN to AVX when the backbone will be trained through bottleneck blocks on a CPU with hidden
    /// cache topology, unless the user already chose an ISA. Returns a line for the log, or null when nothing changed.
    /// Call before the first tensor operation.
    /// </summary>
    public static string? ProtectBackwardPass(bool trainsBottleneckBackbone, bool onCpu)
    {
        if (!trainsBottleneckBackbone || !onCpu || Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || !CacheTopologyHidden())
        {
            return null;
        }

        if (setenv(Variable, "AVX", 1) != 0)
        {
            return $"could not set {Variable}=AVX; if the backward pass crashes with SIGFPE, set it before starting vrec";
        }

        Environment.SetEnvironmentVariable(Variable, "AVX");
        return $"this CPU hides its cache topology from oneDNN; set {Variable}=AVX for the backbone's backward pass (slower, but libtorch would otherwise crash with SIGFPE)";
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setenv(string name, string value, int overwrite);
}
