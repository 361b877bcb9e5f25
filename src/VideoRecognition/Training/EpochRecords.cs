using System.Diagnostics;
using VideoRecognition.Model;

namespace VideoRecognition.Training;

/// <summary>What the trainer writes about a step or an epoch: the train.jsonl record and the one-line log summary.</summary>
internal static class EpochRecords
{
    /// <summary>The process's resident set (VmRSS), the number that must stay flat from epoch to epoch.</summary>
    private static double ResidentMemoryMiB()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / (1024.0 * 1024.0);
    }

    public static TrainingRecord Record(string kind, int epoch, long step, double lr, LossSums.Values loss, double? baseAccuracy, double? validation, PseudoLabelScore? score, double videosPerSecond, int segments, OpenSetQuality? quality = null)
    {
        // A ratio with nothing to count (no NBG segment picked in a batch) is NaN; the log says "no value" instead.
        static double? Finite(double? value) => value is double v && double.IsFinite(v) ? v : null;
        double? Of(Func<PseudoLabelScore, double> f) => score is { Any: true } ? Finite(f(score)) : null;
        double? OfTruth(Func<PseudoLabelScore, double> f) => score is { HasTruth: true } ? Finite(f(score)) : null;
        return new TrainingRecord(
            kind, epoch + 1, step, lr, loss.Total, loss.Soft, loss.Background, loss.Contrast, baseAccuracy, validation,
            Of(s => s.Share(PseudoLabel.Nbg)), Of(s => s.Share(PseudoLabel.Fg)), Of(s => s.Share(PseudoLabel.Ibg)),
            OfTruth(s => s.Precision(PseudoLabel.Nbg)), OfTruth(s => s.Recall(PseudoLabel.Nbg)),
            OfTruth(s => s.Precision(PseudoLabel.Fg)), OfTruth(s => s.Recall(PseudoLabel.Fg)),
            OfTruth(s => s.Precision(PseudoLabel.Ibg)), OfTruth(s => s.Recall(PseudoLabel.Ibg)),
            Finite(videosPerSecond), Finite(videosPerSecond * segments), kind == "epoch" ? ResidentMemoryMiB() : null,
            Finite(quality?.BackgroundAuroc), Finite(quality?.DetectorAuroc),
            Finite(quality?.MeanWeight(PseudoLabel.Fg)), Finite(quality?.MeanWeight(PseudoLabel.Ibg)), Finite(quality?.MeanWeight(PseudoLabel.Nbg)));
    }

    public static string Line(int epoch, int epochs, LossSums.Values loss, double baseAccuracy, double? validation, PseudoLabelScore score, OpenSetQuality quality)
    {
        string line = $"epoch {epoch + 1}/{epochs}: loss {loss.Total:0.000} (soft-cls {loss.Soft:0.000}, bg-cls {loss.Background:0.000}, contrast {loss.Contrast:0.000}), base accuracy {baseAccuracy:P1}";
        if (validation is not null)
        {
            line += $", val {validation:P1}";
        }

        if (score.HasTruth)
        {
            line += $", NBG pseudo-label precision {score.Precision(PseudoLabel.Nbg):P0} (chance {score.Chance(PseudoLabel.Nbg):P0}) recall {score.Recall(PseudoLabel.Nbg):P0}";
            line += $", IBG precision {score.Precision(PseudoLabel.Ibg):P0} (chance {score.Chance(PseudoLabel.Ibg):P0})";
        }

        if (!double.IsNaN(quality.DetectorAuroc))
        {
            line += $", NBG AUROC p(bg) {quality.BackgroundAuroc:0.000} detector {quality.DetectorAuroc:0.000}, mean weight FG {quality.MeanWeight(PseudoLabel.Fg):0.00} NBG {quality.MeanWeight(PseudoLabel.Nbg):0.00}";
        }

        return line;
    }
}
