using System.Text;
using VideoRecognition.Features;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Features;

/// <summary>manifest.json and index.jsonl as every store written so far has them: read, and written again to the same bytes.</summary>
public sealed class FeatureIndexJsonTests
{
    // As the hand-written Utf8JsonWriter code wrote them before the serialiser was source-generated.
    private const string OldLine = """{"id":"v_a\u0022b","label":"Pole vault","subset":"training","frames":120,"fps":29.97002997002997,"duration":4.004,"offset":4096}""";
    private const string OldFailedLine = """{"id":"v_x","label":"Pole vault","subset":"validation","frames":0,"fps":0,"duration":12.5,"offset":-1,"problem":"cannot open the file"}""";

    private const string OldManifest = """
        {
          "format_version": 1,
          "backbone": "resnet18 (imagenet)",
          "feature_dimension": 512,
          "segments": 8,
          "views": 3,
          "input_size": 112,
          "seed": 0,
          "sampling": "tsn segments=8 clip=1 video-config=0123456789ab",
          "dtype": "float16",
          "layout": "per video: views x segments x feature_dimension, little-endian; view 0 is the test-time view"
        }
        """;

    [Theory]
    [InlineData(OldLine)]
    [InlineData(OldFailedLine)]
    public void An_index_line_of_an_existing_store_reads_and_is_written_back_to_the_same_bytes(string line)
    {
        FeatureEntry entry = FeatureIndexJson.ParseEntry(Encoding.UTF8.GetBytes(line))!;

        Assert.Null(entry.SegmentSeconds);
        Assert.Equal(line + "\n", Encoding.UTF8.GetString(FeatureIndexJson.EntryLine(entry)));
    }

    [Fact]
    public void The_fields_of_an_old_line_come_through()
    {
        FeatureEntry entry = FeatureIndexJson.ParseEntry(Encoding.UTF8.GetBytes(OldFailedLine))!;

        Assert.Equal(new FeatureEntry("v_x", "Pole vault", "validation", 0, 0, 12.5, -1, "cannot open the file"), entry);
        Assert.False(entry.HasFeatures);
        Assert.Equal("v_a\u0022b", FeatureIndexJson.ParseEntry(Encoding.UTF8.GetBytes(OldLine))!.Id);
    }

    [Fact]
    public void A_variable_frame_rate_entry_keeps_its_segment_times_through_a_round_trip()
    {
        var entry = new FeatureEntry("vfr", "Pole vault", "training", 120, 15.38, 7.8, 0, null) { SegmentSeconds = [0, 1, 2, 5, 8] };

        byte[] line = FeatureIndexJson.EntryLine(entry);
        FeatureEntry back = FeatureIndexJson.ParseEntry(line)!;

        Assert.Contains("\u0022segment_seconds\u0022:[0,1,2,5,8]", Encoding.UTF8.GetString(line));
        Assert.Equal([0.0, 1, 2, 5, 8], back.SegmentSeconds!);
        Assert.Equal(line, FeatureIndexJson.EntryLine(back));
    }

    [Theory]
    [InlineData("""{"id":"v_a","label":"Pole vault","subset":"training","frames":120,"fps":29.9""")]
    [InlineData("""{"id":"v_a","label":"Pole vault","subset":"training","frames":120,"fps":29.97,"duration":4.0}""")]
    [InlineData("""{"id":null,"label":"Pole vault","subset":"training","frames":120,"fps":29.97,"duration":4.0,"offset":0}""")]
    public void A_torn_or_incomplete_line_is_no_entry(string line) =>
        Assert.Null(FeatureIndexJson.ParseEntry(Encoding.UTF8.GetBytes(line)));

    [Fact]
    public void A_manifest_of_an_existing_store_reads_and_is_written_back_to_the_same_bytes()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["old.json"], OldManifest);

        FeatureStoreManifest manifest = FeatureIndexJson.ReadManifest(folder["old.json"]);
        FeatureIndexJson.WriteManifest(manifest, folder["new.json"]);

        Assert.Equal(new FeatureStoreManifest(1, "resnet18 (imagenet)", 512, 8, 3, 112, 0, "tsn segments=8 clip=1 video-config=0123456789ab"), manifest);
        Assert.Equal(OldManifest, File.ReadAllText(folder["new.json"]));
    }

    [Fact]
    public void A_manifest_of_another_format_or_without_a_key_is_refused_naming_the_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["v2.json"], OldManifest.Replace("\u0022format_version\u0022: 1", "\u0022format_version\u0022: 2"));
        File.WriteAllText(folder["partial.json"], """{"format_version": 1, "backbone": "resnet18"}""");

        Assert.Contains("feature store format 2", Assert.Throws<BadInputException>(() => FeatureIndexJson.ReadManifest(folder["v2.json"])).Message);
        Assert.Contains("partial.json: not a feature store manifest", Assert.Throws<BadInputException>(() => FeatureIndexJson.ReadManifest(folder["partial.json"])).Message);
    }
}
