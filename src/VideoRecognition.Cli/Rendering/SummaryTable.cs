using Spectre.Console;
using VideoRecognition.Datasets.Synthetic;

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
}
