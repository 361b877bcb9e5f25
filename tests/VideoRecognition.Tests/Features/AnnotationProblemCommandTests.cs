using System.Globalization;
using System.Text.Json;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Features;
using VideoRecognition.Tests.Cli;

namespace VideoRecognition.Tests.Features;

/// <summary>
/// `vrec index` and `vrec extract` on annotation files a hostile user writes, over real videos: every broken
/// item is named with its video id and the reason, counted, and never crashes a job.
/// </summary>
public sealed class AnnotationProblemCommandTests(ExtractionDataset dataset) : IClassFixture<ExtractionDataset>
{
    private AnnotatedVideo[] RealVideos() => ActivityNetAnnotationReader.Read(dataset.Layout.Annotations).Videos.ToArray();

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Entry(AnnotatedVideo video, string label) =>
        $$"""{"subset": "training", "duration": {{Number(video.Duration)}}, "annotations": [{"segment": [0.5, {{Number(video.Duration / 2)}}], "label": {{JsonSerializer.Serialize(label)}}}]}""";

    private static string Taxonomy(IEnumerable<string> labels) =>
        "[{\"nodeId\": 0, \"nodeName\": \"Root\", \"parentId\": null, \"parentName\": null}, "
        + string.Join(", ", labels.Select((l, i) => $"{{\"nodeId\": {i + 1}, \"nodeName\": {JsonSerializer.Serialize(l)}, \"parentId\": 0, \"parentName\": \"Root\"}}")) + "]";

    [Fact]
    public void An_id_listed_twice_is_reported_and_extract_uses_the_first_entry()
    {
        AnnotatedVideo[] real = RealVideos();
        AnnotatedVideo a = real[0], b = real[1], c = real[2];
        using var temp = new TempFolder();
        // The same key twice in 'database' (JSON readers keep both), and a label outside the taxonomy.
        File.WriteAllText(temp["twice.json"], $$"""
            {"version": "VERSION 1.3", "taxonomy": {{Taxonomy([a.Labels[0], b.Labels[0]])}},
             "database": {
               "{{a.Id}}": {{Entry(a, a.Labels[0])}},
               "{{b.Id}}": {{Entry(b, b.Labels[0])}},
               "{{a.Id}}": {{Entry(a, b.Labels[0])}},
               "{{c.Id}}": {{Entry(c, "Underwater basket weaving")}}
             }
            """ + "}");
        Directory.CreateDirectory(temp["run"]);
        string config = dataset.WriteConfig(temp["run"]);

        var index = VrecProcess.Run("index", "--config", config, "--annotations", temp["twice.json"]);
        Assert.True(index.ExitCode == 0, index.Output);
        Assert.Contains($"video '{a.Id}': listed more than once", index.Output);
        Assert.Matches(@"DuplicateId\s*│\s*1", index.Stdout);

        var extract = VrecProcess.Run("extract", "--config", config, "--annotations", temp["twice.json"]);
        Assert.True(extract.ExitCode == 0, extract.Output);
        Assert.DoesNotContain("internal error", extract.Output);
        // The unknown label is named as such, not taken for a video without annotations.
        Assert.Contains($"video '{c.Id}', annotation 1: label 'Underwater basket weaving' is not one of the 2 classes", extract.Output);
        Assert.Contains("1 videos lost every label", extract.Output);
        Assert.DoesNotContain("have no annotation", extract.Output);
        using var store = FeatureStore.Open(temp["run/features"]);
        Assert.Equal([a.Id, b.Id], store.Videos.Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal(a.Labels[0], store.Videos.Single(v => v.Id == a.Id).Label);
    }

    [Fact]
    public void The_proposal_layout_with_both_v_x_and_x_is_reported_not_a_crash()
    {
        AnnotatedVideo[] real = RealVideos();
        AnnotatedVideo a = real[0];
        using var temp = new TempFolder();
        string entry = $$"""{"duration_second": {{Number(a.Duration)}}, "annotations": [{"segment": [0.5, 1.5], "label": "x"}]}""";
        File.WriteAllText(temp["proposal.json"], $$"""{"v_{{a.Id}}": {{entry}}, "{{a.Id}}": {{entry}}}""");
        Directory.CreateDirectory(temp["run"]);
        var index = VrecProcess.Run("index", "--config", dataset.WriteConfig(temp["run"]), "--annotations", temp["proposal.json"]);
        Assert.True(index.ExitCode == 0, index.Output);
        Assert.Contains($"video '{a.Id}': listed more than once ('{a.Id}' and 'v_{a.Id}' are the same id)", index.Output);
        Assert.Matches(@"ok\s*│\s*1\b", index.Stdout);
    }

    [Fact]
    public void Index_names_every_broken_item_with_its_video_id_and_reason_and_counts_them()
    {
        AnnotatedVideo good = RealVideos()[0];
        string label = good.Labels[0];
        using var temp = new TempFolder();
        string Seg(string segment, string labelJson) => $$"""{"subset": "training", "duration": 10, "annotations": [{"segment": {{segment}}, "label": {{labelJson}}}]}""";
        var broken = new (string Id, string Json, string Reason)[]
        {
            ("textduration", """{"subset": "training", "duration": "ten", "annotations": []}""", "duration \"ten\" is not a finite number"),
            ("hugeduration", """{"subset": "training", "duration": 1e400, "annotations": []}""", "duration 1e400 is not a finite number"),
            ("zeroduration", """{"subset": "training", "duration": 0, "annotations": []}""", "duration 0 is not positive"),
            ("negduration", """{"subset": "training", "duration": -4, "annotations": []}""", "duration -4 is not positive"),
            ("numbersubset", """{"subset": 5, "duration": 10, "annotations": []}""", "field 'subset' should be a string, found a number"),
            ("nullentry", "null", "expected an object"),
            ("textsegment", Seg("\"0-4\"", JsonSerializer.Serialize(label)), "'segment' is missing or not [start, end]"),
            ("numberlabel", Seg("[1, 2]", "42"), "'label' is missing or not a non-empty string"),
            ("emptylabel", Seg("[1, 2]", "\"\""), "'label' is missing or not a non-empty string"),
            ("negativesegment", Seg("[-3, -1]", JsonSerializer.Serialize(label)), "lies outside the video"),
            ("reversedsegment", Seg("[5, 4]", JsonSerializer.Serialize(label)), "does not start before it ends"),
            ("unknownlabel", Seg("[1, 2]", "\"Underwater basket weaving\""), "is not one of the 1 classes"),
        };
        string database = string.Join(",\n", broken.Select(b => $"\"{b.Id}\": {b.Json}"))
            + $",\n\"{good.Id}\": {Entry(good, label)},\n\"longsegment\": {Seg("[2, 50]", JsonSerializer.Serialize(label))}";
        File.WriteAllText(temp["hostile.json"], $$"""{"version": "VERSION 1.3", "taxonomy": {{Taxonomy([label])}}, "database": { {{database}} } """ + "}");
        Directory.CreateDirectory(temp["run"]);

        var index = VrecProcess.Run("index", "--config", dataset.WriteConfig(temp["run"]), "--annotations", temp["hostile.json"]);
        Assert.True(index.ExitCode == 0, index.Output);
        string[] lines = index.Output.Split('\n');
        foreach (var (id, _, reason) in broken)
        {
            Assert.True(lines.Any(l => l.Contains($"video '{id}'", StringComparison.Ordinal) && l.Contains(reason, StringComparison.Ordinal)),
                $"no line names '{id}' with \"{reason}\":\n{index.Output}");
        }

        // [2, 50] in a 10 s video overlaps it: clamped and kept, with a warning saying by how much.
        Assert.Contains("video 'longsegment', annotation 1 ('" + label + "'): segment [2, 50] overruns the video [0, 10] by 40 s; clamped", index.Output);
        Assert.Matches(@"videos\s*│\s*8 of 14 loaded", index.Stdout);
        Assert.Matches(@"MissingField\s*│\s*5\b", index.Stdout);
        Assert.Matches(@"NotANumber\s*│\s*2\b", index.Stdout);
        Assert.Matches(@"InvalidDuration\s*│\s*2\b", index.Stdout);
        Assert.Matches(@"SegmentClamped\s*│\s*1\b", index.Stdout);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(temp["run/index/video_index.json"]));
        var problems = report.RootElement.GetProperty("annotation_problems").EnumerateArray().Select(p => p.GetProperty("video").GetString()).ToHashSet();
        Assert.Empty(broken.Select(b => b.Id).Append("longsegment").Except(problems));
    }
}
