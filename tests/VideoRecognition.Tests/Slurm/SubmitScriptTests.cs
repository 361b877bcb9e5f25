using System.Text.RegularExpressions;

namespace VideoRecognition.Tests.Slurm;

/// <summary>
/// What scripts/slurm/submit.sh asks of Slurm (--dry-run prints the sbatch commands, nothing is submitted) and
/// what the job scripts run for an array task; no cluster needed. The study's jobs are checked here only:
/// `vrec study` is not part of this build, so they are never run.
/// </summary>
public sealed class SubmitScriptTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string Config => Path.Combine(RepositoryPaths.Root, "configs", "synthetic.yaml");

    private static readonly Dictionary<string, string> Vrec = new() { ["VREC"] = $"dotnet {Path.Combine(RepositoryPaths.TestOutput, "vrec.dll")}" };

    private Dictionary<string, string> DryRun(params string[] args)
    {
        var result = ScriptProcess.Run(temp.Path, Vrec, HangGuard.Limit, "bash", [Path.Combine(LocalSlurmCluster.ScriptsFolder, "submit.sh"), Config, "--dry-run", .. args]);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("dry run: nothing submitted", result.Stdout);
        return result.Stdout.Split('\n').Where(l => l.StartsWith("sbatch ", StringComparison.Ordinal))
            .ToDictionary(l => Regex.Match(l, "--job-name=vrec-([a-z]+)").Groups[1].Value);
    }

    [Fact]
    public void On_a_CPU_only_partition_no_job_asks_for_a_GPU()
    {
        var jobs = DryRun("--gpus", "0", "--partition", "cpu", "--shards", "4", "--cpus", "2", "--mem", "4G", "--time", "1:00:00");
        Assert.Equal(["index", "extract", "merge", "train", "eval"], jobs.Keys);
        Assert.All(jobs.Values, line =>
        {
            Assert.DoesNotContain("--gres", line);
            Assert.Contains("--partition=cpu ", line);
            Assert.Contains("--cpus-per-task=2 --mem=4G --time=1:00:00", line);
        });
        Assert.Contains("--array=1-4 ", jobs["extract"]);
        Assert.EndsWith("extract.sbatch " + Config + " --shards 4", jobs["extract"]);
        Assert.Contains("--dependency=afterok:", jobs["merge"]);
        Assert.EndsWith("extract.sbatch " + Config + " --merge", jobs["merge"]);
        Assert.DoesNotContain("--dependency", jobs["index"]);
    }

    [Fact]
    public void GPUs_go_to_extraction_training_and_evaluation_only_and_the_config_device_sets_the_default()
    {
        var jobs = DryRun("--gpus", "2");
        foreach (string stage in new[] { "extract", "train", "eval" })
        {
            Assert.Contains("--gres=gpu:2", jobs[stage]);
        }

        Assert.DoesNotContain("--gres", jobs["index"]);
        Assert.DoesNotContain("--gres", jobs["merge"]);
        Assert.All(DryRun().Values, line => Assert.DoesNotContain("--gres", line)); // configs/synthetic.yaml runs on cpu
        Assert.Contains("--gres=gpu:1", DryRun("--set", "device=cuda")["extract"]);
    }

    [Fact]
    public void A_rerun_of_some_shards_skips_the_index_and_keeps_the_shard_count()
    {
        var jobs = DryRun("--shards", "8", "--only-shards", "2,7", "--max-parallel", "2");
        Assert.Equal(["extract", "merge", "train", "eval"], jobs.Keys);
        Assert.Contains("--array=2,7%2 ", jobs["extract"]);
        Assert.EndsWith("--shards 8", jobs["extract"]);
    }

    [Fact]
    public void The_study_is_an_array_over_the_seeds_then_one_aggregating_job()
    {
        var jobs = DryRun("--study", "0,1,2", "--study-out", "runs/study");
        Assert.Equal(["study", "aggregate"], jobs.Keys);
        Assert.Contains("--array=1-3 ", jobs["study"]);
        Assert.EndsWith("study.sbatch " + Config + " --seeds 0,1,2 --out runs/study", jobs["study"]);
        Assert.Contains("--dependency=afterok:", jobs["aggregate"]);
        Assert.EndsWith("study.sbatch " + Config + " --seeds 0,1,2 --out runs/study --aggregate", jobs["aggregate"]);
        Assert.Contains("--array=3 ", DryRun("--study", "0,1,7", "--only-seeds", "7")["study"]);

        var inits = DryRun("--study", "0,1", "--study-inits", "3");
        Assert.EndsWith("study.sbatch " + Config + " --seeds 0,1 --out runs/study --inits 3", inits["study"]);
        Assert.EndsWith("study.sbatch " + Config + " --seeds 0,1 --out runs/study --inits 3 --aggregate", inits["aggregate"]);
    }

    [Fact]
    public void A_chain_whose_jobs_could_not_find_their_data_is_refused_before_anything_is_queued()
    {
        // No sbatch runs here: with the data missing from the submitting folder the script stops first.
        var missing = ScriptProcess.Run(temp.Path, Vrec, HangGuard.Limit, "bash", [Path.Combine(LocalSlurmCluster.ScriptsFolder, "submit.sh"), Config, "--gpus", "0"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("data.annotations 'data/synthetic/annotations.json' does not exist", missing.Stderr);
        Assert.DoesNotContain("sbatch", missing.Stdout);

        string import = Path.Combine(RepositoryPaths.Root, "configs", "anet13-c3d-5way.yaml");
        var imported = ScriptProcess.Run(temp.Path, Vrec, HangGuard.Limit, "bash", [Path.Combine(LocalSlurmCluster.ScriptsFolder, "submit.sh"), import, "--dry-run"]);
        Assert.Equal(2, imported.ExitCode);
        Assert.Contains("imports published features", imported.Stderr);
    }

    [Theory]
    [InlineData("extract.sbatch", "2", "C.yaml --shards 3", "extract --config C.yaml --shard 2/3")]
    [InlineData("extract.sbatch", "", "C.yaml --merge --set a=b", "extract --config C.yaml --merge --set a=b")]
    [InlineData("study.sbatch", "2", "C.yaml --seeds 5,6,7 --out runs/s", "study --config C.yaml --seeds 5,6,7 --only 6 --out runs/s")]
    [InlineData("study.sbatch", "", "C.yaml --seeds 5,6,7 --out runs/s --aggregate", "study --config C.yaml --seeds 5,6,7 --aggregate --out runs/s")]
    [InlineData("train.sbatch", "", "C.yaml", "train --config C.yaml --resume")]
    [InlineData("index.sbatch", "", "C.yaml", "index --config C.yaml")]
    public void A_job_script_runs_the_vrec_command_of_its_task(string script, string arrayTask, string args, string expected)
    {
        var environment = new Dictionary<string, string> { ["VREC"] = "echo vrec", ["SLURM_SUBMIT_DIR"] = temp.Path };
        if (arrayTask.Length > 0)
        {
            environment["SLURM_ARRAY_TASK_ID"] = arrayTask;
        }

        var result = ScriptProcess.Run(temp.Path, environment, HangGuard.Limit, "bash", [Path.Combine(LocalSlurmCluster.ScriptsFolder, script), .. args.Split(' ')]);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("vrec " + expected, result.Stdout.Trim().Split('\n')[^1]);
    }
}
