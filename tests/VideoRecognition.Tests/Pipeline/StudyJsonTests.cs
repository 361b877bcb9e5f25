using System.Text.Json;
using VideoRecognition.Pipeline;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Pipeline;

public sealed class StudyJsonTests
{
    [Fact]
    public void A_study_is_written_with_snake_case_keys_and_reads_back_to_the_same_numbers()
    {
        using var temp = new TempFolder();
        StudyResult result = StudyResult.Of(StudySamples.Plan, StudySamples.Seeds());
        string path = temp["study.json"];
        StudyJson.Write(result, path);

        using (var json = JsonDocument.Parse(File.ReadAllText(path)))
        {
            JsonElement root = json.RootElement;
            Assert.Equal(1, root.GetProperty("format_version").GetInt32());
            Assert.Equal([0, 1, 2], root.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
            JsonElement pair = root.GetProperty("paired").EnumerateArray()
                .Single(p => p.GetProperty("model").GetString() == "baseline" && p.GetProperty("metric").GetString() == "accuracy_1shot");
            Assert.Equal("full", pair.GetProperty("reference").GetString());
            Assert.Equal(0.35 / 3, pair.GetProperty("mean").GetDouble(), 12);
            Assert.Equal(3, pair.GetProperty("reference_higher").GetInt32());
            Assert.True(pair.GetProperty("ci95_half_width").GetDouble() > 0);
            JsonElement firstModel = root.GetProperty("per_seed")[0].GetProperty("models")[0];
            Assert.Equal(0.5, firstModel.GetProperty("mean_tiou").GetDouble());
            Assert.Equal(0.05, firstModel.GetProperty("accuracy")[0].GetProperty("episode_sampling_half_width").GetDouble());
            Assert.Equal(0.9, firstModel.GetProperty("training").GetProperty("nbg_auroc_background").GetDouble());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("per_seed")[2].GetProperty("models")[0].GetProperty("mean_tiou").ValueKind);
        }

        StudyResult read = StudyJson.ReadStudy(path);
        Assert.Equal(result.AcrossSeeds, read.AcrossSeeds);
        Assert.Equal(result.Paired.Select(p => (p.Model, p.Metric, p.Mean, p.Ci95HalfWidth)), read.Paired.Select(p => (p.Model, p.Metric, p.Mean, p.Ci95HalfWidth)));
        Assert.Equal(File.ReadAllText(path), Rewritten(read, temp["again.json"]));
    }

    [Fact]
    public void One_seed_writes_null_for_the_spread_it_cannot_have()
    {
        using var temp = new TempFolder();
        var plan = StudySamples.Plan with { Seeds = [0] };
        StudyJson.Write(StudyResult.Of(plan, StudySamples.Seeds().Take(1).ToList()), temp["one.json"]);

        using var json = JsonDocument.Parse(File.ReadAllText(temp["one.json"]));
        JsonElement summary = json.RootElement.GetProperty("across_seeds")[0];
        Assert.Equal(1, summary.GetProperty("seeds").GetInt32());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("std").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("paired")[0].GetProperty("ci95_half_width").ValueKind);
    }

    [Fact]
    public void A_seed_result_round_trips_and_a_broken_one_is_named()
    {
        using var temp = new TempFolder();
        StudySeedResult seed = StudySamples.Seeds()[1];
        StudyJson.Write(seed, temp["study-seed.json"]);

        StudySeedResult read = StudyJson.ReadSeed(temp["study-seed.json"]);
        Assert.Equal(seed.EpisodeSeed, read.EpisodeSeed);
        Assert.Equal(seed.Models.Select(m => (m.Model, m.MeanTemporalIoU, m.Accuracy[0], m.Accuracy[1])), read.Models.Select(m => (m.Model, m.MeanTemporalIoU, m.Accuracy[0], m.Accuracy[1])));
        Assert.Equal(0.95, read.Models[0].Training["nbg_auroc_background"]);

        File.WriteAllText(temp["broken.json"], "{\"seed\": 1, \"models\": [");
        var error = Assert.Throws<BadInputException>(() => StudyJson.ReadSeed(temp["broken.json"]));
        Assert.Contains("broken.json", error.Message);
    }

    private static string Rewritten(StudyResult result, string path)
    {
        StudyJson.Write(result, path);
        return File.ReadAllText(path);
    }
}
