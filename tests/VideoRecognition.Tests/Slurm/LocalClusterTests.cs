using System.Diagnostics;

namespace VideoRecognition.Tests.Slurm;

/// <summary>scripts/slurm/local-cluster.sh itself: it starts a cluster whose node is idle, and stop leaves nothing running.</summary>
[Collection(LocalSlurmCluster.Collection)]
public sealed class LocalClusterTests
{
    [SlurmFact]
    public void Stop_cancels_the_running_jobs_and_leaves_nothing_of_the_cluster_running()
    {
        using var cluster = new LocalSlurmCluster("stop");
        cluster.SkipIfUnavailable();
        var status = cluster.ClusterScript("status");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("idle", status.Stdout);
        Assert.Contains($"SlurmctldPidFile={cluster.StateFolder}", File.ReadAllText(cluster.SlurmConf));

        var sleep = cluster.Slurm("sbatch", "--parsable", "--output=/dev/null", "--wrap", "sleep 600");
        Assert.True(sleep.ExitCode == 0, sleep.Output);
        string job = sleep.Stdout.Trim();
        var clock = Stopwatch.StartNew();
        while (cluster.Slurm("squeue", "--noheader", "--jobs", job, "--format", "%T").Stdout.Trim() != "RUNNING")
        {
            Assert.True(clock.Elapsed < HangGuard.Limit, $"job {job} did not start");
            Thread.Sleep(100);
        }

        clock.Restart();
        while (!cluster.RunningProcesses().Any(p => p.Contains("sleep 600", StringComparison.Ordinal))
            || !cluster.RunningProcesses().Any(p => p.Contains("slurmstepd", StringComparison.Ordinal)))
        {
            Assert.True(clock.Elapsed < HangGuard.Limit, $"job {job} runs but its process was not found:\n{string.Join('\n', cluster.RunningProcesses())}");
            Thread.Sleep(100);
        }

        cluster.Stop(); // checks that no process of the cluster is left, the job's included
        Assert.Empty(cluster.RunningProcesses());
        var stopped = cluster.ClusterScript("status");
        Assert.Equal(1, stopped.ExitCode);
        Assert.Contains("no process of this cluster is running", stopped.Stdout);
    }
}
