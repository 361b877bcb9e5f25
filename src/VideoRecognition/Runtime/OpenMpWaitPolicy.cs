using System.Runtime.InteropServices;

namespace VideoRecognition.Runtime;

/// <summary>
/// How long libtorch's OpenMP threads spin before they sleep between parallel regions. libgomp's default
/// (300,000 spins) keeps idle threads burning a core; when another process competes for the cores, a
/// spinning thread takes turns from the one doing the work, and extraction fell to 0.41-0.49x of its quiet
/// rate here. 10,000 spins measured the same on a quiet machine and 0.59-0.63x with one competing process
/// (fully passive waiting cost a third of the quiet rate). libgomp reads the variable when it loads, so
/// it must be in the native environment before the first tensor operation; a value the user set wins.
/// </summary>
public static class OpenMpWaitPolicy
{
    public const string SpinCountVariable = "GOMP_SPINCOUNT";

    public const string DefaultSpinCount = "10000";

    /// <summary>Sets GOMP_SPINCOUNT unless it (or OMP_WAIT_POLICY) is already set; true when it set it.</summary>
    public static bool Apply()
    {
        if (Environment.GetEnvironmentVariable(SpinCountVariable) is { Length: > 0 }
            || Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is { Length: > 0 }
            || !OperatingSystem.IsLinux())
        {
            return false;
        }

        if (setenv(SpinCountVariable, DefaultSpinCount, 0) != 0)
        {
            return false;
        }

        Environment.SetEnvironmentVariable(SpinCountVariable, DefaultSpinCount);
        return true;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setenv(string name, string value, int overwrite);
}
