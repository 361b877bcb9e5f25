using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using VideoRecognition.Tests.Cli;

namespace VideoRecognition.Tests.Slurm;

/// <summary>
/// The batch workflow of scripts/slurm submitted through the real sbatch to a real (single-node) Slurm cluster,
/// on a small synthetic set: chained jobs whose merged store has the bytes of a one-shot extraction, a requeued
/// extraction task that resumes, and a failed shard that stops the merge until status's rerun completes it.
/// </summary>
[Collection(LocalSlurmCluster.Collection)]
public sealed partial class SlurmWorkflowTests : IClassFixture<LocalSlurmCluster>
{
    /// <summary>Only against a hang: a workflow here takes about a minute.</summary>
    private static readonly TimeSpan WorkflowTimeout = HangGuard.Limit;

    private static readonly Lock DatasetGate = new();

    private static readonly TimeSpan ScriptTimeout = HangGuard.Limit;

    private readonly LocalSlurmCluster cluster;

    private readonly string workFolder;

    public SlurmWorkflowTests(LocalSlurmCluster cluster)
    {
        this.cluster = cluster;
        workFolder = Path.Combine(cluster.Root, "work", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(workFolder);
    }

    /// <summary>
    /// The dataset, its run config and the one-shot store, made once for the class (in the cluster's folder):
    /// 8 classes x 3 short videos, a seeded random ResNet-18 at 64 px, 4 segments, one training view
    /// (no contrastive loss): what is tested is the scheduling, not the model.
    /// Data paths are absolute; features.output and train.output are relative, so each test's outputs land in
    /// the folder it submits from.
    /// </summary>
    private string Config
    {
        get
        {
            lock (DatasetGate)
            {
                string data = Path.Combine(cluster.Root, "data");
                string config = Path.Combine(cluster.Root, "run.yaml");
                if (File.Exists(config))
                {
                    return config;
                }

                string synthetic = Path.Combine(data, "synthetic");
                string text = $"""
                    seed: 3
                    data:
                      annotations: {synthetic}/annotations.json
                      videos: {synthetic}/videos
                      splits: {synthetic}/splits.txt
                      ground_truth: {synthetic}/ground_truth.json
                      index: {data}/index
                    video:
                      segments: 4
                      input_size: 64
                      resize_shorter: 72
                    backbone:
                      weights: none
                      batch_size: 16
                    features:
                      output: features
                      train_views: 1
                      sync_every: 1
                    model:
                      contrastive: false
                    train:
                      output: runs/train
                      epochs: 2
                      batch_size: 8
                      validation_episodes: 0
                    eval:
                      way: 2
                      shot: 1
                      query: 2
                      episodes: 50
                    """;
                string draft = config + ".draft";
                File.WriteAllText(draft, text);
                var synth = VrecProcess.RunIn(cluster.Root, "synth", "--config", draft, "--set", $"synth.output={synthetic}", "--set", "synth.classes=8",
                    "--set", "synth.videos_per_class=3", "--set", "synth.duration_scale=0.04", "--set", "synth.min_duration=4");
                Assert.True(synth.ExitCode == 0, synth.Output);

                // The reference: one `vrec extract` of the same config, no Slurm.
                string oneShot = Path.Combine(cluster.Root, "one-shot");
                Directory.CreateDirectory(oneShot);
                var extract = VrecProcess.RunIn(oneShot, "extract", "--config", draft);
                Assert.True(extract.ExitCode == 0, extract.Output);
                File.Move(draft, config);
                return config;
            }
        }
    }

    private string OneShotStore => Path.Combine(cluster.Root, "one-shot", "features");

    [SlurmFact]
    public void The_workflow_runs_as_chained_jobs_and_its_merged_store_equals_a_one_shot_extraction()
    {
        cluster.SkipIfUnavailable();
        var jobs = Submit("--shards", "3");
        Assert.Equal(["index", "extract", "merge", "train", "eval"], jobs.Keys);

        var status = WaitUntilEnded(jobs["index"]);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("finished: every job completed", status.Stdout);
        AssertSameStore(OneShotStore, Path.Combine(workFolder, "features"));
        Assert.True(File.Exists(Path.Combine(workFolder, "runs", "train", "model.pt")), status.Output);
        Assert.True(Directory.Exists(Path.Combine(workFolder, "runs", "train", "checkpoints", "best")), status.Output);
        Assert.Single(Directory.GetFiles(Path.Combine(workFolder, "runs", "train", "eval"), "results-*.json"));
        for (int shard = 1; shard <= 3; shard++)
        {
            Assert.Contains($"--shard {shard}/3", File.ReadAllText(Log($"vrec-extract-{jobs["extract"]}_{shard}.out")));
        }

        // sacct (from the job-completion log: this cluster has no slurmdbd) shows every job completed, each
        // stage starting only after the one before it had ended.
        var finished = CompletedJobs();
        Assert.All(finished, job => Assert.Equal("COMPLETED", job.State));
        Assert.Equal(["vrec-index", "vrec-extract", "vrec-merge", "vrec-train", "vrec-eval"], finished.Select(j => j.Name).Distinct().Order(StageOrder.Instance));
        Assert.Equal(3, finished.Count(j => j.Name == "vrec-extract"));
        string[] stages = ["vrec-index", "vrec-extract", "vrec-merge", "vrec-train", "vrec-eval"];
        for (int i = 1; i < stages.Length; i++)
        {
            DateTime lastEnd = finished.Where(j => j.Name == stages[i - 1]).Max(j => j.End);
            DateTime firstStart = finished.Where(j => j.Name == stages[i]).Min(j => j.Start);
            Assert.True(firstStart >= lastEnd, $"{stages[i]} started at {firstStart:s}, before {stages[i - 1]} ended at {lastEnd:s}");
        }
    }

    [SlurmFact]
    public void A_requeued_extraction_task_resumes_where_it_stopped_and_the_store_is_still_identical()
    {
        cluster.SkipIfUnavailable();
        var jobs = Submit("--shards", "3", "--stages", "extract,merge");

        // Wait (polling the shard stores, no fixed sleep) until a task has written some but not all of its
        // videos, then requeue it as a preemption would: Slurm kills it and starts it again.
        int shard = 0;
        int seen = 0;
        var clock = Stopwatch.StartNew();
        while (shard == 0)
        {
            Assert.True(clock.Elapsed < WorkflowTimeout, "no extraction task started writing");
            shard = Enumerable.Range(1, 3).FirstOrDefault(i =>
                LineCount(Path.Combine(ShardFolder(i), "index.jsonl")) >= 1 && !File.Exists(Path.Combine(ShardFolder(i), "COMPLETE")));
            seen = shard == 0 ? 0 : LineCount(Path.Combine(ShardFolder(shard), "index.jsonl"));
            Thread.Sleep(20);
        }

        var requeue = cluster.Slurm("scontrol", "requeue", $"{jobs["extract"]}_{shard}");
        Assert.True(requeue.ExitCode == 0, requeue.Output);

        var status = WaitUntilEnded(jobs["extract"]);
        Assert.True(status.ExitCode == 0, status.Output);
        string log = File.ReadAllText(Log($"vrec-extract-{jobs["extract"]}_{shard}.out"));
        Assert.Contains("(restart 1)", log);
        Assert.Contains("DUE TO JOB REQUEUE", log);
        var resumed = Regex.Match(log, @"Resuming .*: (\d+) of (\d+) videos already extracted");
        Assert.True(resumed.Success, log);
        int done = int.Parse(resumed.Groups[1].Value, CultureInfo.InvariantCulture);
        int total = int.Parse(resumed.Groups[2].Value, CultureInfo.InvariantCulture);
        // What the task had written before the kill is kept, not extracted again. On a busy machine the task may
        // write its last videos between the poll and the kill, so every video can be done when it restarts.
        Assert.InRange(done, Math.Max(1, seen), total);
        AssertSameStore(OneShotStore, Path.Combine(workFolder, "features"));
    }

    [SlurmFact]
    public void A_failed_shard_stops_the_merge_and_the_rerun_status_prints_completes_the_store()
    {
        cluster.SkipIfUnavailable();
        // Shard 2 cannot be written: a file stands where its folder must go (file permissions would not stop root).
        Directory.CreateDirectory(Path.Combine(workFolder, "features", "shards"));
        File.WriteAllText(ShardFolder(2), "in the way\n");
        var jobs = Submit("--shards", "3", "--stages", "extract,merge");

        var failed = WaitUntilEnded(jobs["extract"]);
        // slurmctld marks the merge's dependency as never satisfiable on a later scheduling pass; on a busy
        // machine status.sh can already report the failure before that (merge still "PENDING (Dependency)").
        string stuckMerge = $@"merge\s+{jobs["merge"]}\s+PENDING \(DependencyNeverSatisfied\)";
        var clock = Stopwatch.StartNew();
        while (failed.ExitCode == 1 && !Regex.IsMatch(failed.Stdout, stuckMerge) && clock.Elapsed < WorkflowTimeout)
        {
            Thread.Sleep(2000);
            failed = Status(jobs["extract"]);
        }

        Assert.True(failed.ExitCode == 1, failed.Output);
        Assert.Contains($"FAILED: shard 2/3, job {jobs["extract"]}_2", failed.Stdout);
        Assert.Matches(stuckMerge, failed.Stdout);
        Assert.DoesNotContain("FAILED: shard 1/3", failed.Stdout);
        Assert.DoesNotContain("FAILED: shard 3/3", failed.Stdout);
        Assert.False(File.Exists(Path.Combine(workFolder, "features", "COMPLETE")));
        Assert.False(File.Exists(Log($"vrec-merge-{jobs["merge"]}.out")), "the merge job ran");

        // Clear the cause, then run exactly what status printed: cancel the stuck merge, rerun shard 2 and the merge.
        File.Delete(ShardFolder(2));
        string[] rerun = failed.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("Rerun only that shard", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
        Assert.Equal($"scancel {jobs["merge"]}", rerun[0]);
        Assert.Contains("--only-shards 2 --stages extract,merge", rerun[1]);
        Assert.True(Bash(rerun[0]).ExitCode == 0);
        var resubmitted = Bash(rerun[1]);
        Assert.True(resubmitted.ExitCode == 0, resubmitted.Output);
        var again = Parse(resubmitted.Stdout);
        Assert.Equal(["extract", "merge"], again.Keys);

        var status = WaitUntilEnded(again["extract"]);
        Assert.True(status.ExitCode == 0, status.Output);
        AssertSameStore(OneShotStore, Path.Combine(workFolder, "features"));
        var original = Status(jobs["extract"]);
        Assert.True(original.ExitCode == 0, $"the first submission's status should now see every output on disk:\n{original.Output}");
    }
}
