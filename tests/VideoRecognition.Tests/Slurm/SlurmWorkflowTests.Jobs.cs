using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using VideoRecognition.Features;

namespace VideoRecognition.Tests.Slurm;

/// <summary>What the workflow tests do with the cluster: submit, wait, read sacct and the scripts' output, compare stores.</summary>
public sealed partial class SlurmWorkflowTests
{
    private string ShardFolder(int shard) => Path.Combine(workFolder, "features", "shards", $"{shard:D4}-of-0003");

    private string Log(string name) => Path.Combine(workFolder, "slurm-logs", name);

    /// <summary>Submits the workflow from this test's folder on the test cluster's one CPU-only partition.</summary>
    private Dictionary<string, string> Submit(params string[] args)
    {
        var submit = ScriptProcess.Run(workFolder, cluster.Environment, ScriptTimeout, "bash",
            [Path.Combine(LocalSlurmCluster.ScriptsFolder, "submit.sh"), Config, .. args, "--cpus", "1", "--mem", "1G", "--time", "0:30:00"]);
        Assert.True(submit.ExitCode == 0, submit.Output);
        Assert.DoesNotContain("--gres", submit.Output);
        return Parse(submit.Stdout);
    }

    /// <summary>submit.sh's output: "stage jobid" per line (extract and study add the array).</summary>
    private static Dictionary<string, string> Parse(string stdout)
    {
        var jobs = new Dictionary<string, string>();
        foreach (Match line in Regex.Matches(stdout, @"^(index|extract|merge|train|eval|study|aggregate) (\d+)", RegexOptions.Multiline))
        {
            jobs[line.Groups[1].Value] = line.Groups[2].Value;
        }

        return jobs;
    }

    private ScriptProcess.Result Status(string job) =>
        ScriptProcess.Run(workFolder, cluster.Environment, ScriptTimeout, "bash", Path.Combine(LocalSlurmCluster.ScriptsFolder, "status.sh"), job);

    private ScriptProcess.Result Bash(string command) =>
        ScriptProcess.Run(workFolder, cluster.Environment, ScriptTimeout, "bash", "-c", command);

    /// <summary>Polls status.sh until the workflow has ended (finished, or failed with nothing left running).</summary>
    private ScriptProcess.Result WaitUntilEnded(string job)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = Status(job);
            if (status.ExitCode != 3)
            {
                return status;
            }

            if (clock.Elapsed > WorkflowTimeout)
            {
                throw new TimeoutException($"the workflow of job {job} did not end in {WorkflowTimeout}:\n{status.Output}\n{string.Join('\n', cluster.Slurm("squeue", "-t", "all").Stdout)}");
            }

            Thread.Sleep(2000);
        }
    }

    private sealed record FinishedJob(string Id, string Name, string State, DateTime Start, DateTime End);

    /// <summary>This test's jobs as `sacct --completion` lists them (jobcomp/filetxt), found by their working folder.</summary>
    private List<FinishedJob> CompletedJobs()
    {
        var sacct = cluster.Slurm("sacct", "--completion", "--noheader", "--parsable2", "--format", "JobID,JobName,State,Start,End,WorkDir");
        Assert.True(sacct.ExitCode == 0, sacct.Output);
        return sacct.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .Where(f => f.Length == 6 && f[5] == workFolder)
            .Select(f => new FinishedJob(f[0], f[1], f[2], DateTime.Parse(f[3], CultureInfo.InvariantCulture), DateTime.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();
    }

    private sealed class StageOrder : IComparer<string>
    {
        public static readonly StageOrder Instance = new();

        private static readonly string[] Stages = ["vrec-index", "vrec-extract", "vrec-merge", "vrec-train", "vrec-eval"];

        public int Compare(string? x, string? y) => Array.IndexOf(Stages, x).CompareTo(Array.IndexOf(Stages, y));
    }

    private static void AssertSameStore(string expected, string actual)
    {
        var a = new FeatureStoreLayout(expected);
        var b = new FeatureStoreLayout(actual);
        Assert.True(File.Exists(b.Complete), $"{actual} is not a complete store");
        Assert.Equal(File.ReadAllBytes(a.Manifest), File.ReadAllBytes(b.Manifest));
        Assert.Equal(File.ReadAllBytes(a.Index), File.ReadAllBytes(b.Index));
        Assert.True(File.ReadAllBytes(a.Data).AsSpan().SequenceEqual(File.ReadAllBytes(b.Data)), $"{b.Data} differs from {a.Data}");
    }

    private static int LineCount(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            int lines = 0;
            for (int b = stream.ReadByte(); b >= 0; b = stream.ReadByte())
            {
                lines += b == '\n' ? 1 : 0;
            }

            return lines;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
    }
}
