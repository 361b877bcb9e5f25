using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets.ActivityNet;

/// <summary>Hand-written files in both layouts, each defect in its own video: the good videos load, every bad one is named.</summary>
public sealed class ActivityNetAnnotationReaderTests
{
    private const string Taxonomy = """
        "taxonomy": [
          {"nodeId": 0, "nodeName": "Root", "parentId": null, "parentName": null},
          {"nodeId": 1, "nodeName": "Sports", "parentId": 0, "parentName": "Root"},
          {"nodeId": 2, "nodeName": "Long jump", "parentId": 1, "parentName": "Sports"},
          {"nodeId": 3, "nodeName": "Ballet", "parentId": 0, "parentName": "Root"}
        ]
        """;

    private const string Official = "{\"version\": \"VERSION 1.3\", " + Taxonomy + """
        , "database": {
          "good": {"subset": "training", "duration": 20.0, "resolution": "640x360", "url": "u",
                   "annotations": [{"segment": [1.0, 5.0], "label": "Long jump"}, {"segment": [6.0, 9.0], "label": "Ballet"}]},
          "test1": {"subset": "testing", "duration": 30.0, "resolution": "", "url": "", "annotations": []},
          "v_real": {"subset": "validation", "duration": "12.5", "annotations": [{"segment": ["1", 2.5], "label": "Ballet"}]},
          "overrun": {"subset": "training", "duration": 10.0, "annotations": [{"segment": [2.0, 10.6], "label": "Ballet"}]},
          "farpast": {"subset": "training", "duration": 10.0, "annotations": [{"segment": [11.0, 12.0], "label": "Ballet"},
                                                                             {"segment": [3.0, 14.0], "label": "Ballet"},
                                                                             {"segment": [1.0, 2.0], "label": "Ballet"}]},
          "reversed": {"subset": "training", "duration": 10.0, "annotations": [{"segment": [0, 0], "label": "Long jump"}]},
          "unknown": {"subset": "training", "duration": 10.0, "annotations": [{"segment": [1, 2], "label": "Sports"}]},
          "nosubset": {"duration": 10.0, "annotations": []},
          "noduration": {"subset": "training", "annotations": []},
          "nolabel": {"subset": "training", "duration": 10.0, "annotations": [{"segment": [1, 2]}, {"segment": [3, 4], "label": "Ballet"}]},
          "textduration": {"subset": "training", "duration": "long", "annotations": []},
          "textsegment": {"subset": "training", "duration": 10.0, "annotations": [{"segment": [1, "two"], "label": "Ballet"}]}
        }}
        """;

    private const string Proposal = """
        {
          "v_good": {"duration_second": 20.0, "duration_frame": 500, "feature_frame": 496,
                     "annotations": [{"segment": [1.0, 5.0], "label": "Long jump"}]},
          "v_v_real": {"duration_second": 12.0, "duration_frame": 300, "annotations": [{"segment": [0.0, 3.0], "label": "Ballet"}]},
          "v_overrun": {"duration_second": 10.0, "annotations": [{"segment": [-0.5, 10.2], "label": "Ballet"}]},
          "v_startpast": {"duration_second": 10.0, "annotations": [{"segment": [10.5, 11.0], "label": "Ballet"}]},
          "v_reversed": {"duration_second": 10.0, "annotations": [{"segment": [5.0, 4.0], "label": "Ballet"}]},
          "v_unknown": {"duration_second": 10.0, "annotations": [{"segment": [1.0, 4.0], "label": "Skydiving"}]},
          "v_noduration": {"duration_frame": 300, "annotations": []},
          "v_noannotations": {"duration_second": 10.0},
          "v_nan": {"duration_second": "NaN", "annotations": []},
          "v_badframes": {"duration_second": 10.0, "duration_frame": "many", "annotations": []},
          "v_zero": {"duration_second": 0, "annotations": []},
          "v_nocsv": {"duration_second": 10.0, "annotations": []}
        }
        """;

    private const string VideoInfo = """
        video,numFrame,seconds,fps,rfps,subset,featureFrame
        v_good,500,20.0,25.0,25.0,training,496
        v_v_real,300,12.0,25.0,25.0,validation,288
        v_overrun,250,10.0,25.0,25.0,training,240
        v_startpast,250,10.0,25.0,25.0,training,240
        v_reversed,250,10.0,25.0,25.0,training,240
        v_unknown,250,10.0,25.0,25.0,testing,240
        v_broken,abc,10.0
        v_badframes,250,10.0,25.0,25.0,training,240
        """;

    [Fact]
    public void Official_layout_loads_the_good_videos_and_reports_each_bad_one_by_id()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["official.json"], Official);
        ActivityNetAnnotations read = ActivityNetAnnotationReader.Read(temp["official.json"], new AnnotationReadOptions { MaxMessages = 100 });
        AnnotationReport report = read.Report;

        Assert.Equal(AnnotationLayout.Official, read.Layout);
        Assert.Equal("VERSION 1.3", read.Version);
        Assert.Equal(["Ballet", "Long jump"], read.Classes);
        Assert.Equal(12, report.VideosInFile);
        Assert.Equal(["farpast", "good", "nolabel", "overrun", "reversed", "test1", "textsegment", "unknown", "v_real"], read.Videos.Select(v => v.Id));
        AnnotatedVideo good = Video(read, "good");
        Assert.Equal([new ActivityNetAnnotation(1, 5, "Long jump"), new ActivityNetAnnotation(6, 9, "Ballet")], good.Segments);
        Assert.Equal(["Long jump", "Ballet"], good.Labels);
        Assert.Empty(Video(read, "test1").Labels);
        Assert.Equal("testing", Video(read, "test1").Subset);

        // Official ids are kept whole, numbers written as strings are read, a small overrun is clamped.
        Assert.Equal(12.5, Video(read, "v_real").Duration);
        Assert.Equal([new ActivityNetAnnotation(1, 2.5, "Ballet")], Video(read, "v_real").Segments);
        Assert.Equal([new ActivityNetAnnotation(2, 10, "Ballet")], Video(read, "overrun").Segments);
        // A segment that overlaps the video is cut to it however far it overruns; one wholly after the end is dropped.
        Assert.Equal([new ActivityNetAnnotation(3, 10, "Ballet"), new ActivityNetAnnotation(1, 2, "Ballet")], Video(read, "farpast").Segments);

        // A [0, 0] segment is dropped but its label still describes the video.
        Assert.Empty(Video(read, "reversed").Segments);
        Assert.Equal(["Long jump"], Video(read, "reversed").Labels);
        Assert.Empty(Video(read, "unknown").Labels);

        Assert.Equal(2, report.Count(AnnotationIssue.SegmentClamped));
        Assert.Equal(1, report.Count(AnnotationIssue.SegmentOutsideVideo));
        Assert.Equal([true, false], report.Problems.Where(p => p.Issue == AnnotationIssue.SegmentClamped).Select(p => p.Routine));
        Assert.Equal(1, report.Count(AnnotationIssue.StartNotBeforeEnd));
        Assert.Equal(1, report.Count(AnnotationIssue.UnknownLabel));
        Assert.Equal(3, report.Count(AnnotationIssue.MissingField));
        Assert.Equal(2, report.Count(AnnotationIssue.NotANumber));
        Assert.Equal(3, report.VideosDropped);
        Assert.Equal(5, report.SegmentsDropped);
        AssertNamed(report, "overrun", "farpast", "reversed", "unknown", "nosubset", "noduration", "nolabel", "textduration", "textsegment");
        Assert.Contains(report.Messages, m => m.Contains("'Sports'", StringComparison.Ordinal) && m.Contains("not one of the 2 classes", StringComparison.Ordinal));
    }

    [Fact]
    public void Proposal_layout_takes_subsets_and_fps_from_the_csv_and_reports_each_bad_video_by_id()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["anno.json"], Proposal);
        File.WriteAllText(temp["info.csv"], VideoInfo);
        ActivityNetAnnotations read = ActivityNetAnnotationReader.Read(temp["anno.json"], new AnnotationReadOptions
        {
            VideoInfoPath = temp["info.csv"],
            Classes = ["Ballet", "Long jump"],
        });
        AnnotationReport report = read.Report;

        Assert.Equal(AnnotationLayout.Proposal, read.Layout);
        Assert.Null(read.Version);
        Assert.Equal(["badframes", "good", "nocsv", "overrun", "reversed", "startpast", "unknown", "v_real"], read.Videos.Select(v => v.Id));
        AnnotatedVideo good = Video(read, "good");
        Assert.Equal(("training", 25.0, 500), (good.Subset, good.Fps, good.Frames));
        Assert.Equal("v_good", good.PrefixedId);
        Assert.Equal("validation", Video(read, "v_real").Subset);
        Assert.Equal([new ActivityNetAnnotation(0, 10, "Ballet")], Video(read, "overrun").Segments);
        Assert.Empty(Video(read, "startpast").Segments);
        Assert.Equal(["Ballet"], Video(read, "startpast").Labels);
        Assert.Null(Video(read, "nocsv").Subset);
        Assert.Equal(250, Video(read, "badframes").Frames);

        Assert.Equal(4, report.VideosDropped);
        Assert.Equal(1, report.Count(AnnotationIssue.SegmentClamped));
        Assert.Equal(1, report.Count(AnnotationIssue.SegmentOutsideVideo));
        Assert.Equal(1, report.Count(AnnotationIssue.StartNotBeforeEnd));
        Assert.Equal(1, report.Count(AnnotationIssue.UnknownLabel));
        Assert.Equal(2, report.Count(AnnotationIssue.MissingField));
        Assert.Equal(2, report.Count(AnnotationIssue.NotANumber));
        Assert.Equal(1, report.Count(AnnotationIssue.InvalidDuration));
        Assert.Equal(1, report.Count(AnnotationIssue.NoVideoInfo));
        Assert.Equal(1, report.Count(AnnotationIssue.BadVideoInfoRow));
        AssertNamed(report, "overrun", "startpast", "reversed", "unknown", "noduration", "noannotations", "nan", "badframes", "zero", "nocsv");
        Assert.Contains(report.Messages, m => m.Contains("line 8", StringComparison.Ordinal) && m.Contains("info.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_keeps_the_first_messages_and_counts_the_rest()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["anno.json"], Proposal);
        AnnotationReport report = ActivityNetAnnotationReader.Read(temp["anno.json"], new AnnotationReadOptions { MaxMessages = 2 }).Report;
        Assert.Equal(2, report.Messages.Count);
        Assert.Equal(report.IssueCounts.Values.Sum(), report.Messages.Count + report.MessagesLeftOut);
    }

    [Fact]
    public void Without_a_class_list_the_proposal_classes_are_the_labels_that_occur()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["anno.json"], Proposal);
        ActivityNetAnnotations read = ActivityNetAnnotationReader.Read(temp["anno.json"]);
        Assert.Equal(["Ballet", "Long jump", "Skydiving"], read.Classes);
        Assert.All(read.Videos, v => Assert.Null(v.Subset));
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON (line 1, position")]
    [InlineData("{\"database\": {\"a\": {\n  \"subset\": \"training\",,\n}}}", "not valid JSON (line 2")]
    [InlineData("[1, 2, 3]", "holds a JSON array, not an object")]
    [InlineData("{\"videos\": [1], \"count\": 3}", "neither layout (top-level keys: 'videos', 'count')")]
    [InlineData("{\"database\": []}", "'database' is not an object")]
    public void A_file_in_no_layout_fails_naming_the_file_and_the_problem(string content, string expected)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["broken.json"], content);
        var error = Assert.Throws<BadInputException>(() => ActivityNetAnnotationReader.Read(temp["broken.json"]));
        Assert.Contains(temp["broken.json"], error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<BadInputException>(() => ActivityNetAnnotationReader.Read("/no/such/anno.json"));
        Assert.Contains("'/no/such/anno.json' does not exist", error.Message);
    }

    [Fact]
    public void Reads_what_vrec_synth_writes()
    {
        using var temp = new TempFolder();
        var file = new ActivityNetFile("VERSION 1.3",
            [new TaxonomyNode(0, "Root", null, null), new TaxonomyNode(1, "Long jump", 0, "Root")],
            new Dictionary<string, ActivityNetVideo> { ["a"] = new("training", 7, "160x120", "", [new ActivityNetAnnotation(1, 2, "Long jump")]) });
        ActivityNetJson.Write(file, temp["a.json"]);
        ActivityNetAnnotations read = ActivityNetAnnotationReader.Read(temp["a.json"]);
        Assert.True(read.Report.IsClean);
        Assert.Equal(["Long jump"], read.Classes);
        Assert.Equal(["Long jump"], Assert.Single(read.Videos).Labels);
    }

    private static AnnotatedVideo Video(ActivityNetAnnotations annotations, string id) => annotations.Videos.Single(v => v.Id == id);

    private static void AssertNamed(AnnotationReport report, params string[] ids)
    {
        foreach (string id in ids)
        {
            Assert.Contains(report.Messages, m => m.Contains($"video '{id}'", StringComparison.Ordinal));
        }
    }
}
