using System.Globalization;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.FewShot;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Pipeline;

/// <summary>
/// One row of the simulated-corrections table: a share of the base-class segments marked, chosen one way,
/// the run retrained with those marks, and what it gave. The reference row (strategy "none") is the run
/// itself, unmarked.
/// </summary>
public sealed record CorrectionCell(
    string Name,
    string Strategy,
    double Fraction,
    int Marked,
    int MarkedFg,
    int MarkedIbg,
    int MarkedNbg,
    string? CorrectionsFile,
    string Run,
    int? LastEpoch,
    double? NbgPrecision,
    double? NbgRecall,
    double? BackgroundAuroc,
    int? CorrectionsChanged,
    double Accuracy,
    double AccuracyHalfWidth,
    int Episodes);

/// <summary>Everything study-corrections.json holds.</summary>
public sealed record CorrectionStudyResult(
    string ReferenceRun,
    int Seed,
    int BaseSegments,
    int Way,
    int Shot,
    IReadOnlyList<double> Fractions,
    IReadOnlyList<CorrectionCell> Cells);

/// <summary>What the study wrote.</summary>
public sealed record CorrectionStudyOutcome(CorrectionStudyResult Result, string Markdown, string Json);

/// <summary>
/// `vrec study-corrections`: what a few marks are worth. On a synthetic set with ground truth and a trained
/// reference run, marks simulated from the ground truth on 1%, 5% and 20% of the base-class training segments,
/// chosen as the report suggests (least sure first) and, as many, at random; each set retrained with the
/// reference run's seed and config plus the marks (train.corrections) and evaluated on the same novel-class
/// episodes. Each cell is its own folder, finished when its cell.json exists: a rerun reads finished cells and
/// resumes the others through the trainer's own checkpoints.
/// </summary>
public static class CorrectionStudy
{
    public const string CellFileName = "cell.json";

    public static readonly IReadOnlyList<double> DefaultFractions = [0.01, 0.05, 0.2];

    /// <summary>
    /// The reference run's own config (from its best checkpoint), with only evaluation and device settings
    /// changed: a retrained cell differs from the reference by its marks and nothing else.
    /// </summary>
    public static RunConfig ReferenceConfig(string referenceRun, IReadOnlyList<ConfigOverride> overrides)
    {
        string config = CheckpointStore.ConfigFile(new RunLayout(referenceRun).BestCheckpoint);
        if (!File.Exists(config))
        {
            throw new BadInputException($"'{referenceRun}' is not a finished training run (no {config}); give a run folder such as runs/demo/runs/full");
        }

        if (overrides.FirstOrDefault(o => !o.Key.StartsWith("eval.", StringComparison.Ordinal) && o.Key != "device") is { } other)
        {
            throw new BadInputException($"--set {other}: the study retrains with the reference run's config, so only eval.* and device may be changed");
        }

        RunConfig loaded = RunConfigFile.Load(config, overrides);
        if (loaded.Train.Corrections.Length > 0)
        {
            throw new BadInputException($"the reference run '{referenceRun}' was itself trained with corrections ({loaded.Train.Corrections}); give a run trained without them");
        }

        return loaded;
    }

    public static CorrectionStudyOutcome Run(
        RunConfig config, string referenceRun, IReadOnlyList<double> fractions, string output, IProgressReporter progress, CancellationToken ct)
    {
        string folder = OutputFolder.Prepare(output);
        RefuseOtherPlan(folder, config, referenceRun, fractions);
        RunConfig evaluation = config with { Eval = config.Eval with { Shot = 1, Split = SplitPart.Novel } };
        var marks = new Lazy<SimulatedMarks>(() =>
        {
            progress.Log(LogLevel.Info, "Scoring every base-class training segment with the reference model (label margin, for the uncertainty choice)");
            return SimulatedMarks.Prepare(config, new RunLayout(referenceRun).BestCheckpoint, ct);
        });

        var cells = new List<CorrectionCell>
        {
            Cell(folder, "reference", progress, () => Evaluated(
                new CorrectionCell("reference", "none", 0, 0, 0, 0, 0, null, Path.GetFullPath(referenceRun), null, null, null, null, null, 0, 0, 0),
                evaluation, referenceRun, Path.Combine(folder, "cells", "reference"), progress, ct)),
        };
        foreach (double fraction in fractions)
        {
            foreach (MarkChoice choice in Enum.GetValues<MarkChoice>())
            {
                string name = $"{choice.ToString().ToLowerInvariant()}-{Percent(fraction)}pct";
                cells.Add(Cell(folder, name, progress, () => Retrained(name, choice, fraction, marks.Value, config, evaluation, folder, progress, ct)));
            }
        }

        var result = new CorrectionStudyResult(
            Path.GetFullPath(referenceRun), config.Seed, SimulatedMarks.BaseSegments(config), evaluation.Eval.Way, 1, fractions, cells);
        var outcome = new CorrectionStudyOutcome(result, Path.Combine(folder, "study-corrections.md"), Path.Combine(folder, "study-corrections.json"));
        AtomicFile.WriteAllText(outcome.Markdown, CorrectionStudyTable.Markdown(result));
        StudyJson.Write(result, outcome.Json);
        return outcome;
    }

    /// <summary>A cell's folder name part for a share: 1 for 1%, 0.5 for 0.5%.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture);

    private static CorrectionCell Cell(string folder, string name, IProgressReporter progress, Func<CorrectionCell> run)
    {
        string finished = Path.Combine(folder, "cells", name, CellFileName);
        if (File.Exists(finished))
        {
            progress.Log(LogLevel.Info, $"Reusing the finished cell {name} ({finished})");
            return StudyJson.ReadCell(finished);
        }

        progress.Log(LogLevel.Info, $"Cell {name}");
        CorrectionCell cell = run();
        StudyJson.Write(cell, finished);
        return cell;
    }

    private static CorrectionCell Retrained(
        string name, MarkChoice choice, double fraction, SimulatedMarks simulated, RunConfig config, RunConfig evaluation, string folder, IProgressReporter progress, CancellationToken ct)
    {
        IReadOnlyList<SegmentMark> marks = simulated.Choose(choice, MarkSuggestions.CountOf(fraction, simulated.Segments));
        string corrections = Path.Combine(OutputFolder.Prepare(Path.Combine(folder, "corrections")), $"{name}.json");
        SegmentCorrections.Write(corrections, marks);

        string cellFolder = Path.Combine(folder, "cells", name);
        string run = OutputFolder.Prepare(Path.Combine(cellFolder, "run"));
        RunConfig retrain = config with { Train = config.Train with { Output = run, Corrections = corrections } };
        RunConfigFile.Save(retrain, Path.Combine(run, RunConfigFile.EffectiveConfigFileName));
        progress.Log(LogLevel.Info, $"Training with {marks.Count} simulated marks ({name}) in {run}");
        TrainingJob.Train(retrain, resume: new CheckpointStore(run).Latest() is not null, progress, ct);

        int Count(Model.PseudoLabel kind) => marks.Count(m => m.Kind == kind);
        var cell = new CorrectionCell(
            name, choice.ToString().ToLowerInvariant(), fraction, marks.Count, Count(Model.PseudoLabel.Fg), Count(Model.PseudoLabel.Ibg), Count(Model.PseudoLabel.Nbg),
            Path.GetFullPath(corrections), run, null, null, null, null, null, 0, 0, 0);
        return Evaluated(cell, evaluation, run, cellFolder, progress, ct);
    }

    /// <summary>The cell with its run's last logged epoch and the novel-class evaluation of its best checkpoint.</summary>
    private static CorrectionCell Evaluated(CorrectionCell cell, RunConfig evaluation, string run, string cellFolder, IProgressReporter progress, CancellationToken ct)
    {
        var layout = new RunLayout(run);
        IReadOnlyDictionary<string, double> last = TrainingLog.LastEpochNumbers(layout.TrainingLog);
        AccuracyInterval accuracy = EvaluationJob.Evaluate(evaluation, [layout.BestCheckpoint], null, Path.Combine(cellFolder, "eval"), progress, ct).Result.Models[0].Accuracy;
        return cell with
        {
            LastEpoch = last.TryGetValue("epoch", out double epoch) ? (int)epoch : null,
            NbgPrecision = last.TryGetValue("nbg_precision", out double precision) ? precision : null,
            NbgRecall = last.TryGetValue("nbg_recall", out double recall) ? recall : null,
            BackgroundAuroc = last.TryGetValue("nbg_auroc_background", out double auroc) ? auroc : null,
            CorrectionsChanged = last.TryGetValue("corrections_changed", out double changed) ? (int)changed : null,
            Accuracy = accuracy.Mean,
            AccuracyHalfWidth = accuracy.HalfWidth,
            Episodes = accuracy.Episodes,
        };
    }

    /// <summary>
    /// An output folder belongs to one reference run, config and list of shares: cells of another would be
    /// read back as finished and mixed into a table of no single study.
    /// </summary>
    private static void RefuseOtherPlan(string folder, RunConfig config, string referenceRun, IReadOnlyList<double> fractions)
    {
        string plan = $"reference_run: {Path.GetFullPath(referenceRun)}\nfractions: {string.Join(",", fractions.Select(Percent))}%\n"
            + RunConfigFile.ToYaml(config with { Train = config.Train with { Output = "" } });
        string saved = Path.Combine(folder, "study-corrections-plan.yaml");
        if (File.Exists(saved) && File.ReadAllText(saved) != plan)
        {
            throw new BadInputException(
                $"{folder} holds a corrections study of another reference run, shares or settings (see {saved}); use another --out, or delete the folder to start again");
        }

        AtomicFile.WriteAllText(saved, plan);
    }
}
