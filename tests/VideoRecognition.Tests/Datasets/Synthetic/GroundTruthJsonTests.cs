using System.Text;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class GroundTruthJsonTests
{
    // A ground_truth.json as the hand-written Utf8JsonWriter code wrote it, before the serialiser was source-generated.
    private const string OldLayout = """
        {
          "format_version": 2,
          "videos": [
            {
              "id": "v_000001",
              "label": "Pink ring orbiting",
              "subset": "training",
              "scene": "kitchen",
              "fps": 10,
              "frames": 46,
              "duration": 4.568,
              "spans": [
                {
                  "start_frame": 0,
                  "end_frame": 12,
                  "start": 0,
                  "end": 1.2,
                  "kind": "NBG",
                  "visible_class": null,
                  "shows": "title_card"
                },
                {
                  "start_frame": 12,
                  "end_frame": 46,
                  "start": 1.2,
                  "end": 4.568,
                  "kind": "FG",
                  "visible_class": "Pink ring orbiting",
                  "shows": "action"
                }
              ]
            },
            {
              "id": "v_000002",
              "label": "Red star \u0022spinning\u0022",
              "subset": "validation",
              "scene": "beach",
              "fps": 12.5,
              "frames": 3,
              "duration": 0.24,
              "spans": []
            }
          ]
        }

        """;

    [Fact]
    public void A_file_in_the_existing_layout_reads_and_is_written_back_to_the_same_bytes()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["old.json"], OldLayout);

        GroundTruthFile file = GroundTruthJson.Read(folder["old.json"]);
        using var stream = new MemoryStream();
        GroundTruthJson.Write(file, stream);

        GroundTruthVideo first = file.Videos[0];
        Assert.Equal(("v_000001", 46, 4.568), (first.Id, first.Frames, first.Duration));
        Assert.Equal(new GroundTruthSpan(0, 12, 0, 1.2, SpanKind.NBG, null, "title_card"), first.Spans[0]);
        Assert.Equal(SpanKind.FG, first.Spans[1].Kind);
        Assert.Empty(file.Videos[1].Spans);
        Assert.Equal(OldLayout, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Seconds_are_written_to_the_millisecond()
    {
        var file = new GroundTruthFile([new GroundTruthVideo("v", "a", "training", "kitchen", 10, 46, 4.56789, [new GroundTruthSpan(0, 46, 0.00049, 4.56789, SpanKind.FG, "a", "action")])]);
        using var folder = new TempFolder();

        GroundTruthJson.Write(file, folder["gt.json"]);
        GroundTruthVideo back = GroundTruthJson.Read(folder["gt.json"]).Videos[0];

        Assert.Equal((4.568, 0.0, 4.568), (back.Duration, back.Spans[0].Start, back.Spans[0].End));
    }

    [Theory]
    [InlineData("""{"format_version": 1, "videos": []}""", "format_version 1 (an older synthetic benchmark)")]
    [InlineData("""{"format_version": 2, "videos": [{"id": "v"}]}""", "is malformed")]
    [InlineData("""{"format_version": 2, "videos": [{"id": "v", "label": "a", "subset": "training", "scene": "s", "fps": 10, "frames": 1, "duration": 0.1, "spans": [{"start_frame": 0, "end_frame": 1, "start": 0, "end": 0.1, "kind": "XYZ", "visible_class": null, "shows": "action"}]}]}""", "is malformed")]
    public void An_older_or_broken_file_is_refused_naming_it(string text, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["gt.json"], text);

        var error = Assert.Throws<BadInputException>(() => GroundTruthJson.Read(folder["gt.json"]));

        Assert.Contains(expected, error.Message);
        Assert.Contains("gt.json", error.Message);
    }
}
