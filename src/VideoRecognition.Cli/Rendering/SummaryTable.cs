using Spectre.Console;
using VideoRecognition.Datasets;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Features;
using VideoRecognition.Features.Import;
using VideoRecognition.FewShot;
using VideoRecognition.Pipeline;
using VideoRecognition.Training;

namespace VideoRecognition.Cli.Rendering;

/// <summary>The tables `vrec` prints when a job ends.</summary>
internal static class SummaryTable
{
    public static void Write(SyntheticDatasetSummary summary)
    {
        var table = new Table().Title("Synthetic dataset").AddColumns("", "");
        table.HideHeaders();
        table.AddRow("folder", Markup.Escape(summary.OutputFolder));
        table.AddRow("videos", $"{summary.Videos} ({summary.TrainingVideos} training, {summary.ValidationVideos} validation)");
        table.AddRow("classes", $"{summary.BaseClasses} base, {summary.ValClasses} val, {summary.NovelClasses} novel");
        table.AddRow("frames", $"{summary.Frames:N0} ({summary.Seconds:0.0} s of video)");
        table.AddRow("time", $"{summary.Elapsed.TotalSeconds:0.0} s ({summary.Videos / Math.Max(summary.Elapsed.TotalSeconds, 1e-9):0.0} videos/s)");
        AnsiConsole.Write(table);
    }

    public static void Write(VideoIndex index, string reportPath)
    {
        var counts = index.CountByStatus();
        var table = new Table().Title("Video index").AddColumns("status", "videos");
        foreach (var (status, count) in counts)
        {
            table.AddRow(status.ToString().ToLowerInvariant(), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        var problems = index.Videos.Where(v => v.Status != VideoStatus.Ok).Take(20).ToList();
        if (problems.Count > 0)
        {
            var detail = new Table().AddColumns("video", "status", "why");
            foreach (var video in problems)
            {
                detail.AddRow(Markup.Escape(video.Id), video.Status.ToString().ToLowerInvariant(), Markup.Escape(string.Join("; ", video.Issues)));
            }

            AnsiConsole.Write(detail);
        }

        AnsiConsole.MarkupLine($"Full report: [bold]{Markup.Escape(reportPath)}[/]");
    }

    public static void Write(ImportSummary summary)
    {
        var table = new Table().Title("Feature import").AddColumns("", "");
        table.HideHeaders();
        table.AddRow("store", Markup.Escape(summary.Store));
        table.AddRow("source", Markup.Escape($"{summary.Source} ({summary.FormatName})"));
        table.AddRow("videos", $"{summary.Imported} imported ({summary.AlreadyDone} already done), {summary.Skipped.Count} skipped, of {summary.Videos} labelled");
        table.AddRow("features", $"{summary.Segments} segments x {summary.FeatureDimension} dims, {summary.Views} view(s); {summary.Rows:N0} rows read");
        table.AddRow("not imported", $"{summary.NotInAnnotations.Count} feature entries not in the annotations, {summary.Unlabelled} of unlabelled videos");
        table.AddRow("time", $"{summary.Elapsed.TotalSeconds:0.0} s ({summary.VideosPerSecond:0} videos/s)");
        AnsiConsole.Write(table);
        var problems = summary.Skipped.Take(10).Select(p => (p, "skipped"))
            .Concat(summary.NotInAnnotations.Take(10).Select(p => (p, "not in annotations")))
            .ToList();
        if (problems.Count > 0)
        {
            var detail = new Table().AddColumns("video", "status", "why");
            foreach (var (problem, status) in problems)
            {
                detail.AddRow(Markup.Escape(problem.Id), status, Markup.Escape(problem.Problem));
            }

            AnsiConsole.Write(detail);
        }

        AnsiConsole.MarkupLine($"Every video not imported, with its reason: [bold]{Markup.Escape(summary.Report)}[/]");
    }

    public static void Write(ExtractionSummary summary, string storeFolder)
    {
        var table = new Table().Title("Feature extraction").AddColumns("", "");
        table.HideHeaders();
        table.AddRow("store", Markup.Escape(storeFolder));
        table.AddRow("videos", $"{summary.Extracted} extracted, {summary.AlreadyDone} already done, {summary.Failed} failed, of {summary.Videos}");
        table.AddRow("throughput", $"{summary.VideosPerSecond:0.00} videos/s, {summary.SegmentsPerSecond:0.0} segments/s");
        table.AddRow("time", $"{summary.Elapsed.TotalSeconds:0.0} s wall; decoding {summary.Decode.TotalSeconds:0.0} s, backbone {summary.Inference.TotalSeconds:0.0} s");
        AnsiConsole.Write(table);
    }

    /// <summary>What was read from an annotation file, and what validation dropped or clamped (first messages included).</summary>
    public static void Write(ActivityNetAnnotations annotations, bool withMessages = true)
    {
        AnnotationReport report = annotations.Report;
        var table = new Table().Title("Annotations").AddColumns("", "");
        table.HideHeaders();
        table.AddRow("file", Markup.Escape($"{annotations.SourcePath} ({annotations.Layout.ToString().ToLowerInvariant()} layout{(annotations.Version is { } v ? ", " + v : "")})"));
        table.AddRow("videos", Markup.Escape($"{report.VideosLoaded} of {report.VideosInFile} loaded ("
            + string.Join(", ", annotations.CountBySubset().Select(s => $"{s.Value} {s.Key}")) + ")"));
        table.AddRow("segments", $"{report.SegmentsLoaded} of {report.SegmentsInFile} kept");
        table.AddRow("classes", annotations.Classes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach ((AnnotationIssue issue, int count) in report.IssueCounts)
        {
            table.AddRow(Markup.Escape(issue.ToString()), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (!withMessages)
        {
            return;
        }

        // Routine problems (a segment clamped by less than the tolerance) are counted above but are not warnings,
        // as `vrec index` treats them; as many others are shown as the reader kept messages.
        var warnings = report.Problems.Where(p => !p.Routine).ToList();
        int shown = report.MessagesLeftOut > 0 ? report.Messages.Count : warnings.Count;
        foreach (var problem in warnings.Take(shown))
        {
            ConsoleReporter.WriteLog(Progress.LogLevel.Warning, problem.Message);
        }

        if (warnings.Count > shown)
        {
            ConsoleReporter.WriteLog(Progress.LogLevel.Warning, $"... and {warnings.Count - shown} more problems of the kinds counted above.");
        }
    }

    public static void Write(ClassSplit split, string caption)
    {
        var table = new Table().Title("Class split").AddColumns("part", "classes");
        foreach (SplitPart part in Enum.GetValues<SplitPart>())
        {
            table.AddRow(ClassSplit.PartName(part), split.Count(part).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(caption));
    }

    public static void Write(TrainingSummary summary)
    {
        var table = new Table().Title("Training").AddColumns("", "");
        table.HideHeaders();
        table.AddRow("run", Markup.Escape(summary.RunFolder));
        table.AddRow("data", $"{summary.Videos} videos of {summary.Classes} base classes");
        table.AddRow("steps", $"{summary.Steps} in {summary.Epochs} epochs");
        table.AddRow("base accuracy", $"{summary.BaseAccuracy:P1} (chance {1.0 / summary.Classes:P1})");
        table.AddRow("validation", summary.BestValidationAccuracy is double v ? $"{v:P1} (best, epoch {summary.BestEpoch})" : "off");
        table.AddRow("best checkpoint", Markup.Escape(summary.BestCheckpoint));
        table.AddRow("PyTorch state_dict", Markup.Escape(summary.ExportedStateDict));
        table.AddRow("time", $"{summary.Elapsed.TotalSeconds:0.0} s ({summary.VideosPerSecond:0} videos/s)");
        AnsiConsole.Write(table);
    }

    public static void Write(FewShotResult result)
    {
        var first = result.Models[0].Accuracy;
        string interval = first.Method == IntervalMethod.StudentT ? "95% CI, Student t" : "95% CI, 1.96 std/sqrt(E)";
        var table = new Table()
            .Title($"{result.Way}-way {result.Shot}-shot, {result.Query} queries per class, {result.Episodes} episodes of the {Datasets.ClassSplit.PartName(result.Split)} classes ({result.Classifier})")
            .AddColumns("model", $"accuracy ({interval})", "mean tIoU", "mAP@0.5");
        foreach (var model in result.Models)
        {
            table.AddRow(
                Markup.Escape(model.Model),
                $"{100 * model.Accuracy.Mean:0.00} ± {100 * model.Accuracy.HalfWidth:0.00}",
                model.Localisation is { } l ? $"{l.MeanTemporalIoU:0.000}" : "-",
                model.Localisation is { } m ? $"{m.MeanAveragePrecision:0.000}" : "-");
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The official-format result files of `vrec eval` and their detection mAP as ActivityNet's evaluation defines it.</summary>
    public static void Write(IReadOnlyList<ActivityNetOutput> outputs)
    {
        if (outputs.Count == 0)
        {
            return;
        }

        var table = new Table()
            .Title("ActivityNet result files of the query videos; detection mAP (%) by the official definition, per tIoU")
            .AddColumns("model", "mAP@0.5", "mAP@0.75", "mAP@0.95", "average mAP (0.5:0.05:0.95)", "files");
        foreach (var output in outputs)
        {
            string files = Markup.Escape(output.ClassificationFile + "\n" + output.DetectionFile);
            table.AddRow(
                Markup.Escape(output.Model),
                output.DetectionMap is { } a ? $"{100 * a.At(0.5):0.00}" : "-",
                output.DetectionMap is { } b ? $"{100 * b.At(0.75):0.00}" : "-",
                output.DetectionMap is { } c ? $"{100 * c.At(0.95):0.00}" : "-",
                output.DetectionMap is { } d ? $"{100 * d.Average:0.00}" : "-",
                files);
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Several evaluations of the same models (e.g. 1-shot and 5-shot) of one seed's run as one table.</summary>
    public static void Write(IReadOnlyList<FewShotResult> evaluations, int seed)
    {
        var first = evaluations[0];
        var table = new Table()
            .Title($"ONE seed (seed {seed}): {first.Way}-way few-shot on the {Datasets.ClassSplit.PartName(first.Split)} classes, {first.Episodes} episodes each (accuracy % ± 95% episode-sampling interval)")
            .AddColumn("model");
        foreach (var e in evaluations)
        {
            table.AddColumn($"{e.Shot}-shot");
        }

        table.AddColumns("mean tIoU", "mAP@0.5");
        foreach (var row in VideoRecognition.Pipeline.DemoTable.Rows(evaluations))
        {
            var cells = new List<string> { Markup.Escape(row.Model) };
            cells.AddRange(row.Accuracy.Select(a => $"{100 * a.Mean:0.00} ± {100 * a.HalfWidth:0.00}"));
            cells.Add(row.Localisation is { } l ? $"{l.MeanTemporalIoU:0.000}" : "-");
            cells.Add(row.Localisation is { } m ? $"{m.MeanAveragePrecision:0.000}" : "-");
            table.AddRow(cells.ToArray());
        }

        AnsiConsole.Write(table);
    }

    /// <summary>A study's across-seed and paired-difference tables (the per-seed table is in study.md).</summary>
    public static void Write(StudyResult result)
    {
        Write(StudyTable.AcrossSeeds(result), $"Across {result.Seeds.Count} seeds ({string.Join(", ", result.Seeds)}): mean ± sample std (accuracy %)");
        // The per-seed differences (the last column) stay in study.md: a terminal is too narrow for them.
        var paired = StudyTable.Paired(result);
        Write(paired, $"{result.Reference} - model, paired by seed: mean difference and its 95% interval over seeds (Student t)", paired.Header.Count - 1);
    }

    public static void Write(CorrectionStudyResult result) =>
        Write(CorrectionStudyTable.Grid(result), $"Simulated corrections on {result.BaseSegments} base-class segments (NBG precision: last epoch; accuracy: best checkpoint)");

    /// <summary>A benchmark's tables, its lines and where its JSON went.</summary>
    public static void Write<TResult>(BenchmarkReport<TResult> report)
    {
        foreach (BenchmarkTable table in report.Tables)
        {
            Write(table.Grid, table.Title);
        }

        foreach (string line in report.Lines)
        {
            AnsiConsole.MarkupLine(Markup.Escape(line));
        }

        AnsiConsole.MarkupLine($"Written to [bold]{Markup.Escape(report.JsonFile)}[/]");
    }

    private static void Write(StudyTable.Grid grid, string title, int? columns = null)
    {
        int shown = columns ?? grid.Header.Count;
        var table = new Table().Title(Markup.Escape(title));
        foreach (string column in grid.Header.Take(shown))
        {
            table.AddColumn(Markup.Escape(column));
        }

        if (grid.Header.All(string.IsNullOrEmpty))
        {
            table.HideHeaders(); // a two-column list of label and value
        }

        foreach (var row in grid.Rows)
        {
            table.AddRow(row.Take(shown).Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
    }
}
