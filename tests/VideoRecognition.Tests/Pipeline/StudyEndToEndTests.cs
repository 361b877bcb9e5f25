using System.Text.Json;
using VideoRecognition.Tests.Cli;

namespace VideoRecognition.Tests.Pipeline;

/// <summary>
/// `vrec study` over 2 seeds on a tiny synthetic set (6 classes of 6 short videos, 4 segments at 32 px, 2 epochs,
/// 2-way episodes): as a Slurm array would run it (--only per seed, then --aggregate), and as one command in a
/// second folder that starts with a copy of the finished seed 0 and runs seed 1 afresh; both give the same files.
/// </summary>
public sealed class StudyEndToEndTests
{
    private static readonly string[] Tiny =
    [
        "synth.classes=6", "synth.videos_per_class=6", "synth.duration_scale=0.05", "synth.min_duration=4",
        "synth.width=64", "synth.height=48", "synth.split.base=0.5", "synth.split.val=0.17", "synth.split.novel=0.33",
        "video.segments=4", "video.input_size=32", "video.resize_shorter=36",
        "train.epochs=2", "train.batch_size=8", "train.validation_episodes=0",
        "eval.way=2", "eval.query=1", "eval.episodes=20",
    ];

    [Fact]
    public void Seeds_run_alone_then_aggregated_give_what_one_study_command_gives()
    {
        using var temp = new TempFolder();
        string array = temp["array"];
        string[] Args(string study, params string[] args) => ["study", "--seeds", "0,1", "--out", study, .. args, .. Tiny.SelectMany(s => new[] { "--set", s })];

        var first = VrecProcess.Run(Args(array, "--only", "0"));
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(File.Exists(Path.Combine(array, "seed-0", "study-seed.json")));
        Assert.False(File.Exists(Path.Combine(array, "study.json")), "--only must not aggregate");
        Assert.False(Directory.Exists(Path.Combine(array, "seed-0", "report")), "a study skips the inspection report");

        var early = VrecProcess.Run(Args(array, "--aggregate"));
        VrecProcess.AssertRefused(early, "seed 1 has not run");

        var second = VrecProcess.Run(Args(array, "--only", "1"));
        Assert.True(second.ExitCode == 0, second.Output);

        var aggregate = VrecProcess.Run(Args(array, "--aggregate"));
        Assert.True(aggregate.ExitCode == 0, aggregate.Output);
        Assert.Contains(Path.Combine(array, "study.md"), aggregate.Stdout);
        string json = File.ReadAllText(Path.Combine(array, "study.json"));
        string markdown = File.ReadAllText(Path.Combine(array, "study.md"));
        AssertBothSeedsAndThePairedDifference(json, markdown);

        var otherSettings = VrecProcess.Run([.. Args(array, "--aggregate"), "--set", "train.epochs=3"]);
        VrecProcess.AssertRefused(otherSettings, "other settings", "epochs: 3 here, epochs: 2 there");

        // One command in another folder: the finished seed 0 (moved there) is read, seed 1 is run from nothing.
        string whole = temp["whole"];
        CopyFolder(Path.Combine(array, "seed-0"), Path.Combine(whole, "seed-0"));
        var study = VrecProcess.Run(Args(whole));
        Assert.True(study.ExitCode == 0, study.Output);
        Assert.Contains("Reusing the finished seed 0", study.Stdout);
        Assert.Equal(json, File.ReadAllText(Path.Combine(whole, "study.json")));
        Assert.Equal(markdown, File.ReadAllText(Path.Combine(whole, "study.md")));
    }

    [Fact]
    public void More_initialisations_extend_a_finished_seed_and_its_numbers_become_their_mean()
    {
        using var temp = new TempFolder();
        string study = temp["study"];
        string[] Args(params string[] args) => ["study", "--seeds", "0", "--out", study, .. args, .. Tiny.SelectMany(s => new[] { "--set", s })];

        var one = VrecProcess.Run(Args());
        Assert.True(one.ExitCode == 0, one.Output);
        string seedFile = Path.Combine(study, "seed-0", "study-seed.json");
        double ownInit;
        using (var first = JsonDocument.Parse(File.ReadAllText(seedFile)))
        {
            ownInit = OneShot(first.RootElement, "full");
        }

        string ownEvaluation = Path.Combine(study, "seed-0", "eval", "results-2way-1shot.json");
        Assert.True(File.Exists(ownEvaluation), ownEvaluation);
        DateTime evaluatedAt = File.GetLastWriteTimeUtc(ownEvaluation);
        var two = VrecProcess.Run(Args("--inits", "2"));
        Assert.True(two.ExitCode == 0, two.Output);
        Assert.Contains("reusing the evaluated initialisation train.init 0", two.Stdout);
        Assert.Contains("initialisation 2 of 2 (train.init 1)", two.Stdout);
        Assert.Equal(evaluatedAt, File.GetLastWriteTimeUtc(ownEvaluation)); // read from study-seed.json, not evaluated again
        Assert.True(File.Exists(Path.Combine(study, "seed-0", "study-seed-init-1.json")));
        Assert.True(File.Exists(Path.Combine(study, "seed-0", "runs-init-1", "full", "model.pt")));
        Assert.True(File.Exists(Path.Combine(study, "seed-0", "eval-init-1", "episodes-2way-1shot.json")));

        using var seed = JsonDocument.Parse(File.ReadAllText(seedFile));
        Assert.Equal(2, seed.RootElement.GetProperty("inits").GetInt32());
        double[] perInit = seed.RootElement.GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("model").GetString() == "full")
            .GetProperty("accuracy")[0].GetProperty("per_init").EnumerateArray().Select(a => a.GetDouble()).ToArray();
        Assert.Equal(2, perInit.Length);
        Assert.Equal(ownInit, perInit[0]);
        Assert.Equal(perInit.Average(), OneShot(seed.RootElement, "full"), 12);
        Assert.Contains("## Initialisations", File.ReadAllText(Path.Combine(study, "study.md")));

        var mixed = VrecProcess.Run(Args("--aggregate"));
        VrecProcess.AssertRefused(mixed, "seed 0 finished with 2 initialisation(s), not 1");

        // A third initialisation after an interruption that left only the per-initialisation results: both are
        // read, and the seed's mean is the same as before for them.
        File.Delete(seedFile);
        var three = VrecProcess.Run(Args("--inits", "3"));
        Assert.True(three.ExitCode == 0, three.Output);
        Assert.Contains("reusing the evaluated initialisation train.init 1", three.Stdout);
        Assert.DoesNotContain("Reusing the finished seed", three.Stdout);
        using var extended = JsonDocument.Parse(File.ReadAllText(seedFile));
        double[] threeInits = extended.RootElement.GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("model").GetString() == "full")
            .GetProperty("accuracy")[0].GetProperty("per_init").EnumerateArray().Select(a => a.GetDouble()).ToArray();
        Assert.Equal(perInit, threeInits[..2]);
        Assert.Equal(3, threeInits.Length);
    }

    private static void AssertBothSeedsAndThePairedDifference(string json, string markdown)
    {
        using var document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Equal([0, 1], root.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal([0, 1], root.GetProperty("per_seed").EnumerateArray().Select(s => s.GetProperty("seed").GetInt32()));
        Assert.Contains("| 0 | full |", markdown);
        Assert.Contains("| 1 | full |", markdown);
        Assert.Contains("| full - baseline | 1-shot accuracy (pp) |", markdown);

        // The paired difference is the mean over seeds of full - baseline, read here from the per-seed numbers.
        double[] perSeed = root.GetProperty("per_seed").EnumerateArray()
            .Select(s => OneShot(s, "full") - OneShot(s, "baseline"))
            .ToArray();
        JsonElement pair = root.GetProperty("paired").EnumerateArray()
            .Single(p => p.GetProperty("model").GetString() == "baseline" && p.GetProperty("metric").GetString() == "accuracy_1shot");
        Assert.Equal(perSeed, pair.GetProperty("differences").EnumerateArray().Select(d => d.GetDouble()));
        Assert.Equal(perSeed.Average(), pair.GetProperty("mean").GetDouble(), 12);
        Assert.Equal(perSeed.Count(d => d > 0), pair.GetProperty("reference_higher").GetInt32());
        Assert.Equal(4, root.GetProperty("paired").EnumerateArray().Count(p => p.GetProperty("metric").GetString() == "accuracy_1shot"));
    }

    private static double OneShot(JsonElement seed, string model) =>
        seed.GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("model").GetString() == model)
            .GetProperty("accuracy").EnumerateArray()
            .Single(a => a.GetProperty("shot").GetInt32() == 1)
            .GetProperty("mean").GetDouble();

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
