using System.Globalization;
using System.Text;

namespace VideoRecognition.Pipeline;

/// <summary>The simulated-corrections table, as cells (the command line draws them) and as study-corrections.md.</summary>
public static class CorrectionStudyTable
{
    public static StudyTable.Grid Grid(CorrectionStudyResult result)
    {
        var rows = result.Cells.Select(c => (IReadOnlyList<string>)
        [
            c.Fraction == 0 ? "none" : CorrectionStudy.Percent(c.Fraction) + "%",
            c.Strategy == "none" ? "reference (no marks)" : c.Strategy,
            Number(c.Marked),
            c.Fraction == 0 ? "-" : $"{c.MarkedNbg} / {c.MarkedFg} / {c.MarkedIbg}",
            c.NbgPrecision is { } p ? Percent(p) : "-",
            c.NbgRecall is { } r ? Percent(r) : "-",
            c.BackgroundAuroc is { } a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "-",
            $"{Percent(c.Accuracy)} ± {Percent(c.AccuracyHalfWidth)}",
        ]).ToList();
        return new StudyTable.Grid(
            ["marked", "chosen", "segments", "NBG / FG / IBG marks", "NBG precision", "NBG recall", "p(bg) AUROC", $"{result.Way}-way {result.Shot}-shot accuracy"], rows);
    }

    public static string Markdown(CorrectionStudyResult result)
    {
        var text = new StringBuilder("# Simulated corrections: what a few marks are worth\n\n");
        int? epoch = result.Cells.Select(c => c.LastEpoch).FirstOrDefault(e => e is not null);
        int episodes = result.Cells.Count == 0 ? 0 : result.Cells[0].Episodes;
        text.Append(CultureInfo.InvariantCulture, $"Reference run `{result.ReferenceRun}` (seed {result.Seed}), {result.BaseSegments} base-class training segments. ");
        text.Append("Each row marks a share of them with what the ground truth says (the kind covering most of the segment; FG with the video's class), ");
        text.Append("chosen as the inspection report suggests them (*uncertainty*: least sure first, the smallest label margin of the reference model, `Model/LabelMargin.cs`) ");
        text.Append("or as many at random (*random*, seeded); then retrains the reference run's config and seed with those marks (`train.corrections`) ");
        text.Append("and evaluates its best checkpoint on the same novel-class episodes as the reference.\n\n");
        StudyTable.Append(text, Grid(result));
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"- NBG precision and recall: `nbg_precision` and `nbg_recall` on the last epoch line of each run's train.jsonl (epoch {epoch?.ToString(CultureInfo.InvariantCulture) ?? "-"}): ");
        text.Append("the pseudo-labels the model at the end of its last epoch gives every base training video (test view), scored against the ground truth. ");
        text.Append("They are the model's own labels, before the marks are put in their place, so they measure what the marks taught the detector and do not count the marks themselves. ");
        text.Append("With `open_set_score: neighbour_labels` (the default) the training picks come from the neighbour-label prior, which marks cannot change; ");
        text.Append("what they can teach is the background head, so the p(bg) AUROC column (`nbg_auroc_background`: p(background) ranking true NBG above the rest, same line) is the detector used at inference.\n");
        text.Append(CultureInfo.InvariantCulture, $"- Accuracy: `vrec eval` of each run's best checkpoint, {result.Way}-way {result.Shot}-shot, {episodes} episodes on the novel classes, mean ± 95% episode-sampling interval; every row has the same episodes.\n");
        text.Append("- Smaller shares are prefixes of larger ones in both choices (a person marking more keeps the earlier marks).\n");
        return text.ToString();
    }

    private static string Percent(double fraction) => (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
