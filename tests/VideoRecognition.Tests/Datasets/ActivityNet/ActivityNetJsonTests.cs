using System.Text;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets.ActivityNet;

public sealed class ActivityNetJsonTests
{
    private static readonly ActivityNetFile Sample = new(
        "VERSION 1.3",
        [new TaxonomyNode(0, "Root", null, null), new TaxonomyNode(1, "Sports", 0, "Root"), new TaxonomyNode(2, "Long jump", 1, "Sports")],
        new Dictionary<string, ActivityNetVideo>
        {
            ["zeta"] = new("validation", 12.3, "160x120", "", [new ActivityNetAnnotation(0.1, 1.0 / 3, "Long jump")]),
            ["alpha"] = new("training", 7, "160x120", "https://example.org/v", []),
        });

    [Fact]
    public void Writes_the_official_layout_with_sorted_ids_and_rounded_seconds()
    {
        string text = Write(Sample);
        Assert.StartsWith("{\n  \"version\": \"VERSION 1.3\",\n  \"taxonomy\": [", text);
        Assert.Contains("\"parentId\": null", text);
        Assert.True(text.IndexOf("\"alpha\"", StringComparison.Ordinal) < text.IndexOf("\"zeta\"", StringComparison.Ordinal));
        Assert.Contains("0.333\n", text);
        Assert.DoesNotContain("0.3333", text);
        Assert.Equal(text, Write(Sample));
    }

    [Fact]
    public void Reads_back_what_it_wrote()
    {
        string path = Path.Combine(Path.GetTempPath(), $"anet-{Guid.NewGuid():N}.json");
        try
        {
            ActivityNetJson.Write(Sample, path);
            ActivityNetFile read = ActivityNetJson.Read(path);
            Assert.Equal("VERSION 1.3", read.Version);
            Assert.Equal(Sample.Taxonomy, read.Taxonomy);
            Assert.Equal(["alpha", "zeta"], read.Database.Keys.Order());
            ActivityNetAnnotation annotation = Assert.Single(read.Database["zeta"].Annotations);
            Assert.Equal(new ActivityNetAnnotation(0.1, 0.333, "Long jump"), annotation);
            Assert.Equal(12.3, read.Database["zeta"].Duration);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_in_another_layout_is_bad_input()
    {
        string path = Path.Combine(Path.GetTempPath(), $"anet-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"v_x\": {\"duration_second\": 3.0, \"annotations\": []}}");
        try
        {
            var error = Assert.Throws<BadInputException>(() => ActivityNetJson.Read(path));
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Write(ActivityNetFile file)
    {
        using var stream = new MemoryStream();
        ActivityNetJson.Write(file, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
