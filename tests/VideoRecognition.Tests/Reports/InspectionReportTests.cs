using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OpenCvSharp;
using VideoRecognition.Progress;
using LogLevel = VideoRecognition.Progress.LogLevel;
using VideoRecognition.Reports;

namespace VideoRecognition.Tests.Reports;

public sealed partial class InspectionReportTests(SampleReport report) : IClassFixture<SampleReport>
{
    [Fact]
    public void Writes_an_index_and_a_page_per_video()
    {
        Assert.Equal(Path.Combine(report.ReportFolder, "index.html"), report.IndexPath);
        Assert.True(File.Exists(report.IndexPath));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(report.ReportFolder, "videos"), "*.html").Length);
        Assert.Empty(Directory.GetFiles(report.ReportFolder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Every_image_and_link_the_html_references_exists()
    {
        int images = 0;
        foreach (var (path, html) in report.Pages())
        {
            foreach (Match m in Reference().Matches(html))
            {
                string target = WebUtility.HtmlDecode(m.Groups[2].Value).Split('#')[0];
                if (target.Length == 0 || target.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.False(target.Contains("://", StringComparison.Ordinal), $"{path} references {target} outside the report");
                string full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target));
                Assert.True(File.Exists(full), $"{path} references {target}, which is missing");
                images += m.Groups[1].Value == "src" ? 1 : 0;
            }
        }

        // 6 thumbnails per readable video on its page, one on the index per readable video, 6 training curves.
        Assert.Equal(2 * 6 + 2 + 6, images);
    }

    [Fact]
    public void Thumbnails_are_small_real_frames()
    {
        string[] thumbs = Directory.GetFiles(Path.Combine(report.ReportFolder, "videos", "thumbs"), "*.jpg", SearchOption.AllDirectories);
        Assert.Equal(12, thumbs.Length);
        using Mat black = Cv2.ImRead(thumbs.Single(t => t.Contains("v_clip_001") && t.EndsWith("0000.jpg")));
        using Mat actor = Cv2.ImRead(thumbs.Single(t => t.Contains("v_clip_001") && t.EndsWith("0003.jpg")));
        Assert.Equal(160, actor.Cols);
        Assert.Equal(120, actor.Rows);
        Assert.True(Cv2.Mean(black).Val0 < 10, "segment 0 of the clip is black");
        Assert.True(Cv2.Mean(actor).Val0 > 60, "segment 3 of the clip shows the scene");
    }

    [Fact]
    public void A_hostile_class_name_and_id_appear_only_escaped()
    {
        foreach (var (path, html) in report.Pages())
        {
            // The one script a page may have is the report's own marking script, never markup from the data.
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.True(Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count <= 1, path);
            Assert.DoesNotContain("<tags>", html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", File.ReadAllText(report.IndexPath), StringComparison.Ordinal);
        string page = File.ReadAllText(report.PageOf("odd id/with \"quotes\" & <tags>"));
        Assert.Contains("<h1>odd id/with &quot;quotes&quot; &amp; &lt;tags&gt;</h1>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_covers_the_video_duration_to_scale()
    {
        string html = File.ReadAllText(report.PageOf("v_clip_001"));
        Assert.Contains("<div class=\"timeline\" data-duration=\"6.000\">", html, StringComparison.Ordinal);
        string pseudoRow = Row(html, "model decision");
        var blocks = Block().Matches(pseudoRow).Select(m => (Left: Number(m.Groups[1].Value), Width: Number(m.Groups[2].Value))).ToList();
        Assert.Equal(6, blocks.Count);
        Assert.Equal(0.0, blocks[0].Left, 3);
        for (int i = 0; i < blocks.Count; i++)
        {
            Assert.Equal(100.0 / 6, blocks[i].Width, 2);
            Assert.Equal(i * 100.0 / 6, blocks[i].Left, 2);
        }

        Assert.Equal(100.0, blocks[^1].Left + blocks[^1].Width, 2);
        Assert.Contains("<span class=\"tick last\" data-seconds=\"6.000\" style=\"left:100.000%\">6 s</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tick first\" data-seconds=\"0.000\" style=\"left:0.000%\">0</span>", html, StringComparison.Ordinal);
        Assert.Contains("ground truth</div><div class=\"tl-track\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ticks_step_in_ones_twos_and_fives_and_end_at_the_duration()
    {
        Assert.Equal([0, 5, 10, 15, 17.3], Timeline.Ticks(17.3));
        Assert.Equal([0, 0.5, 1, 1.5, 2, 2.5, 3.2], Timeline.Ticks(3.2).Select(t => Math.Round(t, 6)));
        Assert.Equal(600.0, Timeline.Ticks(600).Last());
    }

    [Fact]
    public void A_video_that_cannot_be_read_gets_a_warning_and_a_page_without_frames()
    {
        Assert.Contains(report.Progress.Messages, m => m.Level == LogLevel.Warning && m.Message.Contains("v_missing", StringComparison.Ordinal));
        string page = File.ReadAllText(report.PageOf("v_missing"));
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Matches(page, "no frame").Count);
    }

    [Fact]
    public void The_evaluation_table_has_a_row_per_model_and_setting()
    {
        string index = File.ReadAllText(report.IndexPath);
        Assert.Contains("5-way 1-shot", index, StringComparison.Ordinal);
        Assert.Contains("5-way 5-shot", index, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(index, "<td>annotation-efficient</td>|<td>baseline \\(TSN mean pooling\\)</td>").Count);
        Assert.True(index.IndexOf("1-shot", StringComparison.Ordinal) < index.IndexOf("5-shot", StringComparison.Ordinal));
        // The 5-shot result came back from its JSON with localisation; the 1-shot one has none.
        Assert.Contains("<td class=\"num\">0.470</td>", index, StringComparison.Ordinal);
        Assert.Contains("&plusmn;", index, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evaluation_json_reads_back_as_written()
    {
        EvaluationSetting read = EvaluationSetting.Read(Path.Combine(report.Folder, "five_shot.json"));
        Assert.Equal(("novel", 5, 5, 4, 200, 7UL, "prototype"), (read.Split, read.Way, read.Shot, read.Query, read.Episodes, read.Seed, read.Classifier));
        Assert.Equal(["baseline (TSN mean pooling)", "annotation-efficient"], read.Models.Select(m => m.Model));
        Assert.Equal(40, read.Models[0].LocalisedQueries);
        Assert.Equal("normal", read.Models[0].IntervalMethod);
    }

    [Theory]
    [InlineData("{\"way\": 5}", "no 'split'")]
    [InlineData("{\"split\": \"novel\", \"way\": \"5\"}", "'way': expected number, found string")]
    [InlineData("[1, 2]", "expected an object with 'split', found list")]
    [InlineData("{\"split\": \"novel\", \"way\": 5, \"shot\": 1, \"query\": 1, \"episodes\": 2, \"seed\": 1, \"classifier\": \"prototype\", \"models\": [{\"model\": \"full\"}]}", "no 'mean_accuracy'")]
    [InlineData("{\"split\": \n", "line 2")]
    public void A_malformed_evaluation_json_names_its_file_and_what_is_wrong(string json, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["bad.json"], json);
        var e = Assert.Throws<VideoRecognition.Runtime.BadInputException>(() => EvaluationSetting.Read(folder["bad.json"]));
        Assert.Contains("bad.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("dictionary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_curves_are_pngs_with_content()
    {
        foreach (string name in new[] { "losses.png", "accuracy.png", "pseudo_label_precision.png", "pseudo_label_recall.png", "open_set_auroc.png", "self_weights.png" })
        {
            using Mat plot = Cv2.ImRead(Path.Combine(report.ReportFolder, "plots", name));
            Assert.Equal((TrainingCurves.Width, TrainingCurves.Height), (plot.Cols, plot.Rows));
            Cv2.MeanStdDev(plot, out _, out Scalar std);
            Assert.True(std.Val0 > 10, $"{name} looks blank");
        }
    }

    [Fact]
    public void Rewriting_into_an_old_report_without_a_training_log_or_results_says_so()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["index.html"], "stale");
        string index = InspectionReport.Write(folder.Path, [report.Videos[2]], null, [], SilentProgress.Instance);
        string html = File.ReadAllText(index);
        Assert.Contains("No training log was given.", html, StringComparison.Ordinal);
        Assert.Contains("No few-shot evaluation was given.", html, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder["plots"]));
    }

    [Fact]
    public void Duplicate_video_ids_are_refused()
    {
        using var folder = new TempFolder();
        Assert.Throws<ArgumentException>(() => InspectionReport.Write(folder.Path, [report.Videos[0], report.Videos[0]], null, [], SilentProgress.Instance));
        Assert.False(File.Exists(folder["index.html"]));
    }

    private static string Row(string html, string name)
    {
        int start = html.IndexOf($"<div class=\"tl-name\">{name}</div>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no timeline row '{name}'");
        return html[start..html.IndexOf("</div></div>", start, StringComparison.Ordinal)];
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex("(src|href)=\"([^\"]*)\"")]
    private static partial Regex Reference();

    [GeneratedRegex("left:([0-9.]+)%;width:([0-9.]+)%")]
    private static partial Regex Block();
}
