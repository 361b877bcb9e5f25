using System.Globalization;
using VideoRecognition.Configuration;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Pipeline;

/// <summary>What a study wrote.</summary>
public sealed record StudyOutcome(StudyResult Result, string Markdown, string Json);

/// <summary>
/// `vrec study`: the demo once per seed, each in its own run folder seed-&lt;s&gt; (the seed drives the dataset,
/// the class split, initialisation and the episodes, so each seed is an independent replication), then the
/// statistics across seeds. A seed is finished when its study-seed.json exists; a finished seed is read, an
/// unfinished one resumes through the demo's own reuse of data, features and trained models. Seeds can run as
/// separate jobs (<see cref="RunSeed"/>) and be joined later (<see cref="Aggregate"/>).
/// </summary>
public static class StudyPipeline
{
    public const string SeedResultFileName = "study-seed.json";

    public static string SeedFolder(string studyFolder, int seed) =>
        Path.Combine(Path.GetFullPath(studyFolder), string.Create(CultureInfo.InvariantCulture, $"seed-{seed}"));

    /// <summary>Every seed of the plan in turn, then study.md and study.json.</summary>
    public static StudyOutcome Run(RunConfig config, StudyPlan plan, bool inspect, IProgressReporter progress, CancellationToken ct)
    {
        var seeds = new List<StudySeedResult>();
        for (int i = 0; i < plan.Seeds.Count; i++)
        {
            progress.Log(LogLevel.Info, $"Study seed {plan.Seeds[i]} ({i + 1} of {plan.Seeds.Count})");
            seeds.Add(RunSeed(config, plan.OutputFolder, plan.Seeds[i], inspect, progress, ct, plan.Inits));
        }

        return Write(plan, seeds);
    }

    /// <summary>
    /// One seed's run folder: read when finished with as many initialisations, otherwise run (or resumed, and
    /// with more initialisations extended: the results of those already evaluated are read, their models reused
    /// by the demo where one must run again) and marked finished.
    /// </summary>
    public static StudySeedResult RunSeed(RunConfig config, string studyFolder, int seed, bool inspect, IProgressReporter progress, CancellationToken ct, int inits = 1)
    {
        CheckInits(inits);
        string folder = OutputFolder.Prepare(SeedFolder(studyFolder, seed));
        RunConfig seedConfig = SeedConfig(config, studyFolder, seed);
        RefuseOtherSettings(seedConfig, seed, folder);

        string finished = Path.Combine(folder, SeedResultFileName);
        StudySeedResult? done = File.Exists(finished) ? StudyJson.ReadSeed(finished) : null;
        if (done?.Inits == inits)
        {
            progress.Log(LogLevel.Info, $"Reusing the finished seed {seed} in {folder}");
            return done;
        }

        RunConfigFile.Save(seedConfig, Path.Combine(folder, RunConfigFile.EffectiveConfigFileName));
        var results = new List<StudySeedResult>(inits);
        for (int i = 0; i < inits; i++)
        {
            // Each initialisation after the seed's own trains every model again from other weights; the data,
            // the features and the episodes are the seed's, so their results differ only by the training draw.
            int init = seedConfig.Train.Init + i;
            string initFile = InitResultPath(folder, init);
            if (inits > 1)
            {
                progress.Log(LogLevel.Info, $"Seed {seed}: initialisation {i + 1} of {inits} (train.init {init})");
            }

            // An initialisation evaluated before (its own file, or the seed finished with that one alone) is read,
            // not evaluated again: extending a seed to more initialisations costs only the new ones.
            StudySeedResult? earlier = File.Exists(initFile) ? StudyJson.ReadSeed(initFile) : i == 0 && done?.Inits == 1 ? done : null;
            StudySeedResult initResult = earlier ?? RunInit(seedConfig with { Train = seedConfig.Train with { Init = init } }, folder, seed, inspect && i == 0, progress, ct);
            if (earlier is not null)
            {
                progress.Log(LogLevel.Info, $"Seed {seed}: reusing the evaluated initialisation train.init {init}");
            }

            if (inits > 1 && !File.Exists(initFile))
            {
                StudyJson.Write(initResult, initFile);
            }

            results.Add(initResult);
        }

        StudySeedResult result = StudySeedResult.OverInits(results);
        StudyJson.Write(result, finished);
        return result;
    }

    /// <summary>seed-&lt;s&gt;/study-seed-init-&lt;k&gt;.json: one initialisation's result, kept so that a seed can be extended or resumed without evaluating it again.</summary>
    public static string InitResultPath(string seedFolder, int init) =>
        Path.Combine(seedFolder, string.Create(CultureInfo.InvariantCulture, $"study-seed-init-{init}.json"));

    private static StudySeedResult RunInit(RunConfig initConfig, string folder, int seed, bool inspect, IProgressReporter progress, CancellationToken ct)
    {
        DemoResult demo = DemoPipeline.Run(initConfig, folder, progress, ct, inspect);
        int init = initConfig.Train.Init;
        return StudySeedResult.From(seed, demo.Evaluations, model =>
            TrainingLog.LastEpochNumbers(new RunLayout(DemoPipeline.VariantFolder(folder, model, init)).TrainingLog));
    }

    private static void CheckInits(int inits)
    {
        if (inits is < 1 or > StudyPlan.MaxInits)
        {
            throw new BadInputException($"--inits must be between 1 and {StudyPlan.MaxInits} (got {inits})");
        }
    }

    /// <summary>
    /// Joins the finished seed folders of the plan without running anything; refuses, naming them, when a
    /// seed has not run, has not finished, or ran with other settings than <paramref name="config"/>.
    /// </summary>
    public static StudyOutcome Aggregate(RunConfig config, StudyPlan plan, IProgressReporter progress)
    {
        CheckInits(plan.Inits);
        var problems = new List<string>();
        var seeds = new List<StudySeedResult>();
        foreach (int seed in plan.Seeds)
        {
            string folder = SeedFolder(plan.OutputFolder, seed);
            string finished = Path.Combine(folder, SeedResultFileName);
            if (!Directory.Exists(folder))
            {
                problems.Add($"seed {seed} has not run ({folder} does not exist)");
            }
            else if (!File.Exists(finished))
            {
                problems.Add($"seed {seed} is unfinished ({folder} has no {SeedResultFileName})");
            }
            else if (StudyJson.ReadSeed(finished) is var done && done.Inits != plan.Inits)
            {
                problems.Add($"seed {seed} finished with {done.Inits} initialisation(s), not {plan.Inits}");
            }
            else
            {
                RefuseOtherSettings(SeedConfig(config, plan.OutputFolder, seed), seed, folder);
                seeds.Add(done);
            }
        }

        if (problems.Count > 0)
        {
            throw new BadInputException(
                $"cannot aggregate the study in {plan.OutputFolder}: {string.Join("; ", problems)}. "
                + "Run each of them first (vrec study --only <seed>, with the same --config, --set and --inits), then --aggregate again");
        }

        progress.Log(LogLevel.Info, $"Aggregating {seeds.Count} finished seeds in {plan.OutputFolder}");
        return Write(plan, seeds);
    }

    private static StudyOutcome Write(StudyPlan plan, IReadOnlyList<StudySeedResult> seeds)
    {
        StudyResult result = StudyResult.Of(plan, seeds);
        var outcome = new StudyOutcome(result, Path.Combine(plan.OutputFolder, "study.md"), Path.Combine(plan.OutputFolder, "study.json"));
        AtomicFile.WriteAllText(outcome.Markdown, StudyTable.Markdown(result));
        StudyJson.Write(result, outcome.Json);
        return outcome;
    }

    private static RunConfig SeedConfig(RunConfig config, string studyFolder, int seed) =>
        DemoPipeline.Arrange(config with { Seed = seed }, SeedFolder(studyFolder, seed));

    /// <summary>
    /// A seed folder belongs to one set of settings: mixing runs of different settings into one table would
    /// report numbers of no single configuration, and the demo reuses trained models without asking. Compares
    /// everything but the paths inside the folder, so a study folder may be moved.
    /// </summary>
    private static void RefuseOtherSettings(RunConfig expected, int seed, string folder)
    {
        string saved = Path.Combine(folder, RunConfigFile.EffectiveConfigFileName);
        if (!File.Exists(saved))
        {
            return;
        }

        RunConfig found = RunConfigFile.Load(saved);
        string? difference = found.Seed != seed
            ? $"seed: {found.Seed} there, {seed} here"
            : FirstDifference(Neutral(expected), Neutral(found));
        if (difference is not null)
        {
            throw new BadInputException(
                $"{folder} was run with other settings than this study ({difference}); "
                + "give the same --config and --set as that run, use another --out, or delete the folder to run the seed again");
        }
    }

    private static string Neutral(RunConfig config) => RunConfigFile.ToYaml(DemoPipeline.Arrange(config with { Seed = 0 }, "seed"));

    /// <summary>The first line where two configs' YAML differ, with its top-level section: "train: epochs: 15 here, epochs: 2 there".</summary>
    private static string? FirstDifference(string here, string there)
    {
        string[] a = here.Split('\n');
        string[] b = there.Split('\n');
        string section = string.Empty;
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : string.Empty;
            string right = i < b.Length ? b[i] : string.Empty;
            if (left != right)
            {
                string prefix = left.StartsWith(' ') && section.Length > 0 ? section + " " : string.Empty;
                return $"{prefix}{left.Trim()} here, {right.Trim()} there";
            }

            if (left.Length > 0 && !left.StartsWith(' '))
            {
                section = left.Trim();
            }
        }

        return null;
    }
}
