using System.Text.Json;
using VideoRecognition.Datasets;
using VideoRecognition.FewShot;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.FewShot;

/// <summary>The official classification and detection files of the query videos, read back field by field.</summary>
public sealed class ActivityNetResultJsonTests
{
    /// <summary>3 classes x 4 videos of 10 one-second segments; the action (segments 3-6) is along the class's axis.</summary>
    private static (List<VideoEmbedding> Videos, FewShotResult Result) Evaluate()
    {
        static float[] Axis(int i)
        {
            var v = new float[6];
            v[i] = 1f;
            return v;
        }

        var videos = new List<VideoEmbedding>();
        for (int c = 0; c < 3; c++)
        {
            for (int v = 0; v < 4; v++)
            {
                videos.Add(new VideoEmbedding(
                    ToyVideos.VideoId(c, v), ToyVideos.ClassName(c), Axis(c),
                    Enumerable.Range(0, 10).Select(t => Axis(t is >= 3 and <= 6 ? c : 3 + (t % 2))).ToArray(),
                    Enumerable.Repeat(1f, 10).ToArray(),
                    Enumerable.Range(0, 10).Select(t => (double)t).ToArray(),
                    Enumerable.Range(1, 10).Select(t => (double)t).ToArray()));
            }
        }

        var config = new EvaluationConfig { Way = 3, Shot = 1, Query = 2, Episodes = 30 };
        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(3), videos, config, Seed.From(4));
        return (videos, FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("toy", videos)], config));
    }

    [Fact]
    public void Classification_and_detection_files_have_the_official_layout_and_the_predicted_values()
    {
        using var temp = new TempFolder();
        var (videos, result) = Evaluate();
        IReadOnlyList<QueryVideoPrediction> predictions = result.Models[0].Predictions!;
        var external = new ActivityNetResultJson.ExternalData(true, "toy features");
        ActivityNetResultJson.WriteClassification(temp["cls.json"], "VERSION 1.3", predictions, external);
        ActivityNetResultJson.WriteDetection(temp["det.json"], "VERSION 1.3", predictions, external);

        // Every query instance of the 30 episodes is counted once.
        Assert.Equal(30 * 3 * 2, predictions.Sum(p => p.Queries));
        foreach (string file in new[] { "cls.json", "det.json" })
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(temp[file]));
            JsonElement root = document.RootElement;
            Assert.Equal(["version", "results", "external_data"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("VERSION 1.3", root.GetProperty("version").GetString());
            Assert.True(root.GetProperty("external_data").GetProperty("used").GetBoolean());
            Assert.Equal("toy features", root.GetProperty("external_data").GetProperty("details").GetString());
            JsonElement results = root.GetProperty("results");
            Assert.Equal(predictions.Select(p => p.Id).Order(StringComparer.Ordinal), results.EnumerateObject().Select(p => p.Name));
            foreach (JsonProperty video in results.EnumerateObject())
            {
                string label = videos.Single(v => v.Id == video.Name).Label;
                JsonElement[] items = video.Value.EnumerateArray().ToArray();
                Assert.NotEmpty(items);
                // The classes are separable, so every episode assigns the video its own class.
                Assert.All(items, item => Assert.Equal(label, item.GetProperty("label").GetString()));
                Assert.All(items, item => Assert.Equal(1.0, item.GetProperty("score").GetDouble(), 12));
                if (file == "cls.json")
                {
                    Assert.Equal(["label", "score"], Assert.Single(items).EnumerateObject().Select(p => p.Name));
                }
                else
                {
                    // Segments 3-6 (seconds 3 to 7) are the action in every episode: one span, always the same.
                    JsonElement item = Assert.Single(items);
                    Assert.Equal(["label", "score", "segment"], item.EnumerateObject().Select(p => p.Name));
                    Assert.Equal([3.0, 7.0], item.GetProperty("segment").EnumerateArray().Select(e => e.GetDouble()));
                }
            }
        }
    }

    [SharedDataFact("activitynet")]
    public void The_files_use_the_keys_of_the_official_sample_submissions()
    {
        using var temp = new TempFolder();
        var (_, result) = Evaluate();
        var external = new ActivityNetResultJson.ExternalData(false, "x");
        ActivityNetResultJson.WriteClassification(temp["cls.json"], "VERSION 1.3", result.Models[0].Predictions!, external);
        ActivityNetResultJson.WriteDetection(temp["det.json"], "VERSION 1.3", result.Models[0].Predictions!, external);
        string samples = SharedDataFactAttribute.SharedDataPath("activitynet")!;
        foreach (var (ours, sample) in new[] { ("cls.json", "sample_classification_prediction.json"), ("det.json", "sample_detection_prediction.json") })
        {
            using JsonDocument mine = JsonDocument.Parse(File.ReadAllText(temp[ours]));
            using JsonDocument official = JsonDocument.Parse(File.ReadAllText(Path.Combine(samples, sample)));
            Assert.Equal(Keys(official.RootElement), Keys(mine.RootElement));
            Assert.Equal(Keys(official.RootElement.GetProperty("external_data")), Keys(mine.RootElement.GetProperty("external_data")));
            Assert.Equal(official.RootElement.GetProperty("version").GetString(), mine.RootElement.GetProperty("version").GetString());
            JsonElement officialItem = official.RootElement.GetProperty("results").EnumerateObject().First().Value[0];
            JsonElement myItem = mine.RootElement.GetProperty("results").EnumerateObject().First().Value[0];
            Assert.Equal(Keys(officialItem), Keys(myItem));
            foreach (JsonProperty field in officialItem.EnumerateObject())
            {
                Assert.Equal(field.Value.ValueKind, myItem.GetProperty(field.Name).ValueKind);
            }
        }
    }

    [Theory]
    [InlineData("VERSION 1.2", "VERSION 1.2")]
    [InlineData("1.2", "VERSION 1.2")]      // annotation files that give the version as a number
    [InlineData(null, "VERSION 1.3")]       // the proposal layout does not say
    [InlineData("", "VERSION 1.3")]
    public void Results_carry_the_version_of_the_annotations_they_were_made_on(string? annotations, string expected) =>
        Assert.Equal(expected, ActivityNetResultJson.VersionFor(annotations));

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
