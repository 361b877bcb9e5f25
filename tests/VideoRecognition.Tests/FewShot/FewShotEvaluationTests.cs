using System.Text.Json;
using VideoRecognition.FewShot;
using VideoRecognition.Runtime;
using Xunit.Abstractions;

namespace VideoRecognition.Tests.FewShot;

public sealed class FewShotEvaluationTests(ITestOutputHelper output)
{
    private static readonly EvaluationConfig FiveWay = new() { Way = 5, Shot = 1, Query = 5, Episodes = 200 };

    [Fact]
    public void Several_models_are_evaluated_on_the_same_episodes_with_confusion_and_per_class_counts()
    {
        List<VideoEmbedding> good = ToyVideos.Separable(classes: 6, videosPerClass: 8, dimension: 8);
        List<VideoEmbedding> noise = ToyVideos.Random(classes: 6, videosPerClass: 8, dimension: 8);
        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(6), good, FiveWay, Seed.From(3));

        FewShotResult result = FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("good", good), ModelEmbeddings.Of("noise", noise)], FiveWay);

        Assert.Equal(["good", "noise"], result.Models.Select(m => m.Model));
        foreach (ModelResult model in result.Models)
        {
            Assert.Equal(ToyVideos.Classes(6), model.Confusion.Classes);
            long[][] counts = model.Confusion.Counts;
            Assert.Equal(200 * 25, counts.Sum(row => row.Sum()));
            for (int c = 0; c < 6; c++)
            {
                Assert.Equal(model.PerClass[c].Queries, counts[c].Sum());
                Assert.Equal(model.PerClass[c].Correct, counts[c][c]);
            }

            double correct = model.PerClass.Sum(c => c.Correct);
            Assert.Equal(correct / (200 * 25), model.Accuracy.Mean, 12); // every episode has the same number of queries
        }

        Assert.Equal(1.0, result.Models[0].Accuracy.Mean);
        Assert.True(result.Models[1].Accuracy.Mean < 0.5);
    }

    [Fact]
    public void A_model_missing_a_video_of_the_episodes_is_refused_by_name()
    {
        List<VideoEmbedding> videos = ToyVideos.Separable(6, 8, 8);
        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(6), videos, FiveWay, Seed.From(3));
        string missing = set.Episodes[0].Query[0][0];

        var error = Assert.Throws<BadInputException>(() =>
            FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("partial", videos.Where(v => v.Id != missing))], FiveWay));

        Assert.Contains($"Model 'partial' has no embedding for video '{missing}'", error.Message);
    }

    [Fact]
    public void Queries_are_localised_where_their_segments_resemble_the_predicted_prototype()
    {
        (List<VideoEmbedding> videos, List<VideoActionSpans> truth) = ActionInTheMiddle(Enumerable.Repeat(1f, 10).ToArray());

        var config = new EvaluationConfig { Way = 3, Shot = 1, Query = 2, Episodes = 20 };
        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(3), videos, config, Seed.From(1));

        ModelResult result = FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("toy", videos)], config, truth).Models[0];

        Assert.NotNull(result.Localisation);
        Assert.Equal(20 * 3 * 2, result.Localisation.Queries);
        Assert.Equal(20 * 3 * 2, result.Localisation.PredictedSpans);
        Assert.Equal(1.0, result.Localisation.MeanTemporalIoU, 12);
        Assert.Equal(1.0, result.Localisation.MeanAveragePrecision, 12);
    }

    [Theory]
    [InlineData(LocalisationProposals.Single)]
    [InlineData(LocalisationProposals.MultiThreshold)]
    public void Weights_that_dip_inside_the_action_split_one_cut_but_not_the_multi_threshold_proposals(LocalisationProposals proposals)
    {
        // The action (segments 3..6) has weights 1, 0.4, 0.4, 1: one cut at half the best keeps only its two ends.
        (List<VideoEmbedding> videos, List<VideoActionSpans> truth) = ActionInTheMiddle([1f, 1f, 1f, 1f, 0.4f, 0.4f, 1f, 1f, 1f, 1f]);

        var config = new EvaluationConfig { Way = 3, Shot = 1, Query = 2, Episodes = 20, LocalisationProposals = proposals };
        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(3), videos, config, Seed.From(1));

        LocalisationResult localisation = FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("toy", videos)], config, truth).Models[0].Localisation!;

        Assert.Equal(0.25, localisation.MeanTemporalIoU, 6); // always the one-cut spans [3, 4) and [6, 7)
        if (proposals == LocalisationProposals.Single)
        {
            Assert.Equal(2 * 20 * 3 * 2, localisation.PredictedSpans);
            Assert.Equal(0.0, localisation.MeanAveragePrecision, 12);
        }
        else
        {
            // Per query: [3, 4) and [6, 7) (contrast 1 - 0.2) rank above [3, 7) (0.7 - 0), which matches.
            Assert.Equal(3 * 20 * 3 * 2, localisation.PredictedSpans);
            Assert.InRange(localisation.MeanAveragePrecision, 0.2, 0.5);
        }
    }

    // 4 videos of each of 3 classes, ten 1-second segments each; the action (segments 3..6, seconds [3, 7)) points
    // along the class axis, the rest is orthogonal background. The pooled feature is the class axis.
    private static (List<VideoEmbedding> Videos, List<VideoActionSpans> Truth) ActionInTheMiddle(float[] weights)
    {
        var videos = new List<VideoEmbedding>();
        var truth = new List<VideoActionSpans>();
        for (int c = 0; c < 3; c++)
        {
            for (int v = 0; v < 4; v++)
            {
                float[][] segments = Enumerable.Range(0, 10).Select(t => Axis(t is >= 3 and <= 6 ? c : 3 + (t % 2))).ToArray();
                videos.Add(new VideoEmbedding(
                    ToyVideos.VideoId(c, v), ToyVideos.ClassName(c), Axis(c), segments, weights,
                    Enumerable.Range(0, 10).Select(t => (double)t).ToArray(),
                    Enumerable.Range(1, 10).Select(t => (double)t).ToArray()));
                truth.Add(new VideoActionSpans(ToyVideos.VideoId(c, v), [new ActionSpan(3, 7)]));
            }
        }

        return (videos, truth);
    }

    [Fact]
    public void Results_are_written_as_json_and_csv()
    {
        using var folder = new TempFolder();
        List<VideoEmbedding> videos = ToyVideos.Separable(6, 8, 8);
        EpisodeSet set = EpisodeSampler.Sample(ToyVideos.Classes(6), videos, FiveWay, Seed.From(3));
        FewShotResult result = FewShotEvaluation.Evaluate(set, [ModelEmbeddings.Of("a,b", videos)], FiveWay);

        FewShotResultJson.Write(result, folder["result.json"]);
        FewShotResultCsv.WriteSummary(result, folder["summary.csv"]);
        FewShotResultCsv.WritePerClass(result, folder["per_class.csv"]);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(folder["result.json"]));
        JsonElement model = json.RootElement.GetProperty("models")[0];
        Assert.Equal("novel", json.RootElement.GetProperty("split").GetString());
        Assert.Equal("prototype", json.RootElement.GetProperty("classifier").GetString());
        Assert.Equal(1.0, model.GetProperty("mean_accuracy").GetDouble());
        Assert.Equal("normal", model.GetProperty("ci95_method").GetString());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("localisation").ValueKind);
        Assert.Equal(6, model.GetProperty("confusion").GetProperty("counts").GetArrayLength());
        string[] summary = File.ReadAllLines(folder["summary.csv"]);
        Assert.Equal(2, summary.Length);
        Assert.StartsWith("\"a,b\",novel,5,1,5,200,3,prototype,1,0,0,normal,", summary[1]);
        Assert.Equal(7, File.ReadAllLines(folder["per_class.csv"]).Length);
    }

    [Fact]
    public void Ten_thousand_5_way_5_shot_episodes_of_256_dimensions_take_seconds()
    {
        var config = new EvaluationConfig { Way = 5, Shot = 5, Query = 5, Episodes = 10_000 };

        // Logistic regression costs about 300 gradient steps per episode: 300 of its episodes keep this test short.
        // Speed is the benchmark's business (vrec bench eval); a test on a shared machine only prints the numbers.
        FewShotBenchmarkResult prototype = FewShotBenchmark.Run(config, Seed.From(1));
        FewShotBenchmarkResult logistic = FewShotBenchmark.Run(config with { Episodes = 300, Classifier = FewShotClassifierKind.LogisticRegression }, Seed.From(1));

        foreach (FewShotBenchmarkResult r in new[] { prototype, logistic })
        {
            output.WriteLine($"{r.Classifier}: {r.Episodes} episodes, sampling {r.Sampling.TotalSeconds:F3} s, evaluation {r.Evaluation.TotalSeconds:F3} s ({r.EpisodesPerSecond:F0} episodes/s), accuracy {r.Accuracy:F3}");
            Assert.InRange(r.Accuracy, 0.3, 0.99);
        }
    }

    private static float[] Axis(int axis)
    {
        var v = new float[8];
        v[axis] = 1f;
        return v;
    }
}
