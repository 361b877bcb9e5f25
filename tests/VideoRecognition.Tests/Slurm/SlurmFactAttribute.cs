namespace VideoRecognition.Tests.Slurm;

/// <summary>
/// A test that needs the local Slurm cluster (scripts/slurm/local-cluster.sh). Skipped, with the reason, where
/// Slurm is not installed and cannot be installed (not Debian/Ubuntu, or not root and no sudo); where it can,
/// the cluster script installs it on first use. What only starting it can tell (sudo wants a password, apt
/// cannot install) skips the test when it runs (<see cref="LocalSlurmCluster.SkipIfUnavailable"/>), which is
/// why this is a skippable fact.
/// </summary>
public sealed class SlurmFactAttribute : SkippableFactAttribute
{
    public SlurmFactAttribute()
    {
        if (CannotInstall() is { } reason)
        {
            Skip = $"a Slurm cluster cannot be started here: {reason}";
        }
    }

    private static readonly string[] Programs = ["munged", "slurmctld", "slurmd", "sbatch", "sacct"];

    /// <summary>Why Slurm can neither be found nor installed here, or null.</summary>
    public static string? CannotInstall()
    {
        if (Programs.All(OnPath))
        {
            return null;
        }

        if (!OnPath("apt-get"))
        {
            return $"Slurm is not installed ({string.Join(", ", Programs.Where(p => !OnPath(p)))} missing) and this is not Debian/Ubuntu (no apt-get)";
        }

        if (!IsRoot() && !OnPath("sudo"))
        {
            return "Slurm is not installed and installing it (apt-get install slurm-wlm munge) needs root";
        }

        return null; // as root, or through sudo -n, local-cluster.sh installs it (and says so if sudo asks for a password)
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    private static bool IsRoot() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries) is [_, "0", ..];
}
