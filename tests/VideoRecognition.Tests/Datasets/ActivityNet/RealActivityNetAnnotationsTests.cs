using System.Text.Json;
using VideoRecognition.Datasets;
using VideoRecognition.Datasets.ActivityNet;
using Xunit.Abstractions;

namespace VideoRecognition.Tests.Datasets.ActivityNet;

/// <summary>The reader on the real v1.3 annotations in ../shared/data/activitynet (proposal layout plus its CSV).</summary>
public sealed class RealActivityNetAnnotationsTests(ITestOutputHelper output)
{
    private static string Folder => SharedDataFactAttribute.SharedDataPath("activitynet")!;

    [SharedDataFact("activitynet")]
    public void Loads_every_video_and_the_200_classes_with_the_subsets_of_the_csv()
    {
        string csv = Path.Combine(Folder, "video_info_new.csv");
        ActivityNetAnnotations annotations = ActivityNetAnnotationReader.Read(
            Path.Combine(Folder, "anet_anno_action.json"), new AnnotationReadOptions { VideoInfoPath = csv });
        AnnotationReport report = annotations.Report;
        output.WriteLine($"report: {report.VideosLoaded}/{report.VideosInFile} videos, {report.SegmentsLoaded}/{report.SegmentsInFile} segments, "
            + string.Join(", ", report.IssueCounts.Select(c => $"{c.Key} {c.Value}")));
        foreach (string message in report.Messages)
        {
            output.WriteLine(message);
        }

        Assert.Equal(AnnotationLayout.Proposal, annotations.Layout);
        Assert.Equal(19_228, annotations.Videos.Count);
        Assert.Equal(0, report.VideosDropped);
        Assert.Equal(200, annotations.Classes.Count);
        Assert.Equal(ClassListFile.Read(Path.Combine(Folder, "action_name.csv")).Order(StringComparer.Ordinal), annotations.Classes);
        // Exactly one "v_" is removed: two real YouTube ids start with "v_" themselves.
        using (JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "anet_anno_action.json"))))
        {
            Assert.Equal(json.RootElement.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal),
                annotations.Videos.Select(v => v.PrefixedId).Order(StringComparer.Ordinal));
        }

        Assert.Equal(2, annotations.Videos.Count(v => v.Id.StartsWith("v_", StringComparison.Ordinal)));

        // Every JSON video has a CSV row, and the subset counts are those of the CSV.
        Assert.Equal(0, report.Count(AnnotationIssue.NoVideoInfo));
        Assert.Equal(0, report.Count(AnnotationIssue.BadVideoInfoRow));
        Dictionary<string, int> csvCounts = File.ReadLines(csv).Skip(1).Where(l => l.Length > 0)
            .GroupBy(l => l.Split(',')[5]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["testing"] = 4_851, ["training"] = 9_649, ["validation"] = 4_728 }, csvCounts);
        Assert.Equal(csvCounts, annotations.CountBySubset());
        Assert.All(annotations.Videos, v => Assert.NotNull(v.Fps));

        // Test videos carry no annotations; every training and validation video keeps a video-level label.
        Assert.All(annotations.Videos.Where(v => v.Subset == "testing"), v => Assert.Empty(v.Labels));
        Assert.All(annotations.Videos.Where(v => v.Subset != "testing"), v => Assert.NotEmpty(v.Labels));

        // The real file's known defects: segments ending under a second after the video, and [t, t] segments.
        Assert.Equal(215, report.Count(AnnotationIssue.SegmentClamped));
        Assert.Equal(12, report.Count(AnnotationIssue.StartNotBeforeEnd));
        Assert.Equal(12, report.SegmentsDropped);
        Assert.Equal([AnnotationIssue.StartNotBeforeEnd, AnnotationIssue.SegmentClamped], report.IssueCounts.Keys.Order());
    }
}
