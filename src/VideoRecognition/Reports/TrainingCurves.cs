using ScottPlot;
using VideoRecognition.Runtime;
using VideoRecognition.Training;

namespace VideoRecognition.Reports;

/// <summary>One plotted figure of the report: its PNG (relative to the report folder) and a caption.</summary>
internal sealed record CurveFigure(string File, string Caption);

/// <summary>
/// Plots the epoch summaries of train.jsonl with ScottPlot: the loss parts, base and validation accuracy,
/// and pseudo-label precision against the ground truth. A figure with no logged values (a baseline has no
/// background loss, a dataset without ground truth has no precision) is left out rather than drawn empty.
/// </summary>
internal static class TrainingCurves
{
    // Drawn at twice the logical size: the index shows three figures side by side, ~390 px each, and a
    // 1x rendering scaled down there makes tick labels unreadable (and blurry on high-density screens).
    public const int Width = 1040;
    public const int Height = 640;
    private const float Scale = 2f;

    public static IReadOnlyList<CurveFigure> Write(IReadOnlyList<TrainingRecord> records, ReportLayout layout)
    {
        TrainingRecord[] epochs = records.Where(r => r.Kind == "epoch").OrderBy(r => r.Epoch).ToArray();
        var figures = new List<CurveFigure>();
        Figure(figures, layout, epochs, "losses.png", "Loss per epoch", "loss",
        [
            ("total", r => r.Loss),
            ("soft classification", r => r.SoftClassificationLoss),
            ("background", r => r.BackgroundLoss),
            ("contrastive", r => r.ContrastiveLoss),
        ]);
        Figure(figures, layout, epochs, "accuracy.png", "Accuracy per epoch", "accuracy",
        [
            ("base (train)", r => r.TrainAccuracy),
            ("validation", r => r.ValidationAccuracy),
        ]);
        Figure(figures, layout, epochs, "pseudo_label_precision.png", "Pseudo-label precision per epoch", "precision",
        [
            ("NBG", r => r.NbgPrecision),
            ("FG", r => r.FgPrecision),
            ("IBG", r => r.IbgPrecision),
        ]);
        Figure(figures, layout, epochs, "pseudo_label_recall.png", "Pseudo-label recall per epoch", "recall",
        [
            ("NBG", r => r.NbgRecall),
            ("FG", r => r.FgRecall),
            ("IBG", r => r.IbgRecall),
        ]);
        Figure(figures, layout, epochs, "open_set_auroc.png", "Open-set detector per epoch (NBG vs rest)", "AUROC",
        [
            ("p(background)", r => r.NbgAurocBackground),
            ("detector's score", r => r.NbgAurocDetector),
        ]);
        Figure(figures, layout, epochs, "self_weights.png", "Mean self-weight per epoch, by true kind", "mean w",
        [
            ("FG", r => r.FgMeanWeight),
            ("IBG", r => r.IbgMeanWeight),
            ("NBG", r => r.NbgMeanWeight),
        ]);
        return figures;
    }

    private static void Figure(
        List<CurveFigure> figures,
        ReportLayout layout,
        TrainingRecord[] epochs,
        string file,
        string title,
        string yLabel,
        (string Name, Func<TrainingRecord, double?> Value)[] series)
    {
        using var plot = new Plot { ScaleFactor = Scale };
        plot.Font.Set(Fonts.Sans);
        bool any = false;
        foreach (var (name, value) in series)
        {
            var points = epochs
                .Select(r => (X: (double)r.Epoch, Y: value(r)))
                .Where(p => p.Y is { } y && double.IsFinite(y))
                .ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray());
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = 6;
            any = true;
        }

        if (!any)
        {
            return;
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        // Beside the axes, not on them: curves can end in any corner, and a legend there would hide the last epochs.
        plot.ShowLegend(Edge.Right);
        // Epochs are whole numbers; fractional ticks between them would suggest values that were never logged.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        byte[] png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        string relative = ReportLayout.PlotFolder + "/" + file;
        AtomicFile.Write(layout.Full(relative), stream => stream.Write(png));
        figures.Add(new CurveFigure(relative, title));
    }
}
