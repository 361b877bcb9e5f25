using System.Text;

namespace VideoRecognition.Tests.Slurm;

/// <summary>
/// A real single-node Slurm cluster (scripts/slurm/local-cluster.sh: munged, slurmctld and slurmd as background
/// processes, everything in a temporary folder), started once for a test class and stopped when it ends. Where
/// it cannot run (no Slurm and no root to install it, no apt) <see cref="Unavailable"/> says why and the tests
/// skip; any other failure to start fails them.
/// </summary>
public sealed class LocalSlurmCluster : IDisposable
{
    /// <summary>The test classes that start a cluster run one after the other, never two clusters at once.</summary>
    public const string Collection = "local Slurm cluster";

    /// <summary>Starting may install slurm-wlm and munge with apt first (about half a minute here).</summary>
    private static readonly TimeSpan StartTimeout = HangGuard.Limit;

    private static readonly TimeSpan StopTimeout = HangGuard.Limit;

    public LocalSlurmCluster()
        : this("cluster")
    {
    }

    internal LocalSlurmCluster(string name)
    {
        Root = Directory.CreateTempSubdirectory($"vrec-slurm-{name}-").FullName;
        StateFolder = Path.Combine(Root, "state");
        if (SlurmFactAttribute.CannotInstall() is { } reason)
        {
            Unavailable = reason;
            return;
        }

        var start = ClusterScript("start");
        if (start.ExitCode == 3)
        {
            Unavailable = start.Stderr.Trim();
            Directory.Delete(Root, recursive: true);
            return;
        }

        if (start.ExitCode != 0)
        {
            // The script has stopped whatever it had started; this folder is all that is left.
            Directory.Delete(Root, recursive: true);
            throw new InvalidOperationException($"scripts/slurm/local-cluster.sh start failed (exit {start.ExitCode}):\n{start.Output}");
        }

        Started = true;
    }

    /// <summary>Why the cluster cannot run on this machine, or null when it runs.</summary>
    public string? Unavailable { get; }

    public bool Started { get; private set; }

    /// <summary>A temporary folder for this cluster and the tests' files; deleted at the end.</summary>
    public string Root { get; }

    /// <summary>VREC_SLURM_DIR: the cluster's config, state, logs and pid files.</summary>
    public string StateFolder { get; }

    public string SlurmConf => Path.Combine(StateFolder, "etc", "slurm.conf");

    public static string ScriptsFolder => Path.Combine(RepositoryPaths.Root, "scripts", "slurm");

    /// <summary>
    /// The environment of every script and Slurm command of the tests: this cluster (SLURM_CONF, which sbatch
    /// passes on to the jobs) and the vrec built next to the tests (VREC, which the job scripts run).
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["VREC_SLURM_DIR"] = StateFolder,
        ["SLURM_CONF"] = SlurmConf,
        ["VREC"] = $"dotnet {Path.Combine(RepositoryPaths.TestOutput, "vrec.dll")}",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>Skips the calling test (reported as skipped, with the reason) where the cluster cannot run.</summary>
    public void SkipIfUnavailable()
    {
        if (Unavailable is not null)
        {
            throw new SkipException($"a Slurm cluster cannot be started here: {Unavailable}");
        }
    }

    internal ScriptProcess.Result ClusterScript(string command) =>
        ScriptProcess.Run(Root, Environment, command == "start" ? StartTimeout : StopTimeout, "bash", Path.Combine(ScriptsFolder, "local-cluster.sh"), command);

    /// <summary>A Slurm client command (squeue, scontrol, sacct, scancel) against this cluster.</summary>
    internal ScriptProcess.Result Slurm(string command, params string[] args) =>
        ScriptProcess.Run(Root, Environment, HangGuard.Limit, command, args);

    /// <summary>
    /// The processes of this cluster, found as the script finds them (never by name alone): the daemons carry
    /// VREC_SLURM_STATE in their environment, the jobs SLURM_CONF and SLURM_JOB_ID, and each job's slurmstepd
    /// (whose environment slurmd empties) works in the cluster's state folder.
    /// </summary>
    public IReadOnlyList<string> RunningProcesses()
    {
        var found = new List<string>();
        foreach (string proc in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out int pid) || pid == System.Environment.ProcessId)
            {
                continue;
            }

            string[] variables;
            try
            {
                variables = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(proc, "environ"))).Split('\0');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            string command;
            string? folder;
            try
            {
                command = File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' ');
                folder = new DirectoryInfo(Path.Combine(proc, "cwd")).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            bool daemon = variables.Contains($"VREC_SLURM_STATE={StateFolder}");
            bool job = variables.Contains($"SLURM_CONF={SlurmConf}") && variables.Any(v => v.StartsWith("SLURM_JOB_ID=", StringComparison.Ordinal));
            bool stepDaemon = command.StartsWith("slurmstepd", StringComparison.Ordinal) && folder is not null && folder.StartsWith(StateFolder + "/", StringComparison.Ordinal);
            if (daemon || job || stepDaemon)
            {
                found.Add($"{pid} {command}");
            }
        }

        return found;
    }

    /// <summary>Stops the cluster and proves nothing of it is left running.</summary>
    public void Stop()
    {
        if (!Started)
        {
            return;
        }

        Started = false;
        var stop = ClusterScript("stop");
        if (stop.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/slurm/local-cluster.sh stop failed (exit {stop.ExitCode}):\n{stop.Output}");
        }

        var left = RunningProcesses();
        if (left.Count > 0)
        {
            throw new InvalidOperationException($"processes of the test cluster are still running after stop:\n{string.Join('\n', left)}");
        }
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        finally
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A job's file still open must not hide the real result.
            }
        }
    }
}
