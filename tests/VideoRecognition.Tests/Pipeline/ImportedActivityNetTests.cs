using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VideoRecognition.Tests.Cli;
using VideoRecognition.Tests.Features.Import;

namespace VideoRecognition.Tests.Pipeline;

/// <summary>
/// Real ActivityNet ids, durations, frame rates and annotated segments (../shared/data/activitynet), C3D features in
/// the official layout written by h5py (a row per 8 frames, each video's T from its real frame count), imported,
/// trained on and evaluated through the real `vrec` command line, down to the official result files.
/// </summary>
public sealed class ImportedActivityNetTests
{
    private sealed record Video(string Id, string Label, double Duration, int Frames, double Fps, JsonNode Entry);

    [ProducerLibrariesFact(sharedData: "activitynet")]
    public void Official_c3d_features_of_real_activitynet_videos_import_train_and_evaluate_through_the_cli()
    {
        string shared = SharedDataFactAttribute.SharedDataPath("activitynet")!;
        var annotations = JsonNode.Parse(File.ReadAllText(Path.Combine(shared, "anet_anno_action.json")))!.AsObject();
        var info = File.ReadLines(Path.Combine(shared, "video_info_new.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (Frames: (int)double.Parse(f[1], CultureInfo.InvariantCulture), Fps: double.Parse(f[3], CultureInfo.InvariantCulture), Subset: f[5]));
        // Training videos of at most two minutes, by class; the first 3 classes are base, the next 5 novel.
        var byClass = annotations
            .Where(p => info[p.Key].Subset == "training" && p.Value!["annotations"]!.AsArray().Count > 0 && p.Value["duration_second"]!.GetValue<double>() <= 120)
            .Select(p => new Video(p.Key[2..], p.Value!["annotations"]![0]!["label"]!.GetValue<string>(), p.Value["duration_second"]!.GetValue<double>(), info[p.Key].Frames, info[p.Key].Fps, p.Value))
            .GroupBy(v => v.Label).Where(g => g.Count() >= 5).OrderBy(g => g.Key, StringComparer.Ordinal).Take(8).ToList();
        string[] baseClasses = byClass.Take(3).Select(g => g.Key).ToArray();
        string[] novelClasses = byClass.Skip(3).Select(g => g.Key).ToArray();
        var withFeatures = byClass.Take(3).SelectMany(g => g.OrderBy(v => v.Id, StringComparer.Ordinal).Take(4))
            .Concat(byClass.Skip(3).SelectMany(g => g.OrderBy(v => v.Id, StringComparer.Ordinal).Take(3))).ToList();
        Video noFeatures = byClass[0].OrderBy(v => v.Id, StringComparer.Ordinal).ElementAt(4);
        string testing = annotations.First(p => info[p.Key].Subset == "testing").Key;
        Assert.Equal(27, withFeatures.Count);

        using var temp = new TempFolder();
        var subset = new JsonObject();
        foreach (Video video in withFeatures.Append(noFeatures))
        {
            subset["v_" + video.Id] = video.Entry.DeepClone();
        }

        subset[testing] = annotations[testing]!.DeepClone();
        File.WriteAllText(temp["anet_anno_action.json"], subset.ToJsonString());
        File.WriteAllLines(temp["split.txt"], ["# test split", .. baseClasses.Select(c => $"base\t{c}"), .. novelClasses.Select(c => $"novel\t{c}")]);
        string[] classes = [.. baseClasses, .. novelClasses];
        ProducerLibraries.Write("hdf5", new
        {
            signal_seed = 9,
            videos = withFeatures.Select((v, i) => (object)new
            {
                name = "v_" + v.Id,
                dtype = "float32",
                shape = new[] { v.Frames / 8, 500 },
                seed = i,
                signal = new
                {
                    classes = classes.Length,
                    @class = Array.IndexOf(classes, v.Label),
                    fg = v.Entry["annotations"]!.AsArray()
                        .Select(a => new[] { (int)(a!["segment"]![0]!.GetValue<double>() * v.Fps / 8), (int)Math.Ceiling(a["segment"]![1]!.GetValue<double>() * v.Fps / 8) })
                        .ToArray(),
                },
            }).Append(new { name = testing, dtype = "float32", shape = new[] { 30, 500 } })
              .Append(new { name = "v_notAnActivityNetId", dtype = "float32", shape = new[] { 30, 500 } }).ToArray(),
        }, temp["sub_activitynet_v1-3.c3d.hdf5"]);
        File.WriteAllText(temp["run.yaml"], $"""
            _base_: {Path.Combine(RepositoryPaths.Root, "configs", "anet13-c3d-5way.yaml")}
            data:
              annotations: {temp["anet_anno_action.json"]}
              video_info: {Path.Combine(shared, "video_info_new.csv")}
              splits: {temp["split.txt"]}
              index: {temp["index"]}
            import:
              source: {temp["sub_activitynet_v1-3.c3d.hdf5"]}
            features:
              output: {temp["features"]}
            model:
              embedding_dim: 32
              hidden_dim: 64
              projection_dim: 16
              warmup_epochs: 1
              negatives: all
            train:
              output: {temp["run"]}
              epochs: 3
              batch_size: 6
              validation_episodes: 0
            eval:
              query: 1
              episodes: 40
            """);

        var imported = VrecProcess.Run("import-features", "--config", temp["run.yaml"]);
        Assert.True(imported.ExitCode == 0, imported.Output);
        Assert.Contains("27 imported", imported.Output, StringComparison.Ordinal);
        Assert.Contains(noFeatures.Id, imported.Output, StringComparison.Ordinal);
        Assert.Contains("notAnActivityNetId", imported.Output, StringComparison.Ordinal);

        var trained = VrecProcess.Run("train", "--config", temp["run.yaml"]);
        Assert.True(trained.ExitCode == 0, trained.Output);
        Assert.Contains("both views of a pair are its test view", trained.Output, StringComparison.Ordinal);

        var evaluated = VrecProcess.Run("eval", "--config", temp["run.yaml"], "--checkpoint", Path.Combine(temp["run"], "checkpoints", "best"), "--out", temp["eval"]);
        Assert.True(evaluated.ExitCode == 0, evaluated.Output);
        Assert.Contains("average mAP", evaluated.Output, StringComparison.Ordinal);

        var novel = withFeatures.Where(v => novelClasses.Contains(v.Label)).ToDictionary(v => v.Id);
        using JsonDocument detection = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp["eval"], "activitynet-detection-5way-1shot.json")));
        using JsonDocument classification = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp["eval"], "activitynet-classification-5way-1shot.json")));
        foreach (JsonDocument document in new[] { detection, classification })
        {
            Assert.Equal("VERSION 1.3", document.RootElement.GetProperty("version").GetString());
            Assert.NotEmpty(document.RootElement.GetProperty("external_data").GetProperty("details").GetString()!);
            var results = document.RootElement.GetProperty("results").EnumerateObject().ToList();
            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.True(novel.ContainsKey(r.Name), $"{r.Name} is not a novel-class video id without the v_ prefix"));
            Assert.All(results, r => Assert.All(r.Value.EnumerateArray(), item => Assert.Contains(item.GetProperty("label").GetString(), novelClasses)));
        }

        foreach (JsonProperty video in classification.RootElement.GetProperty("results").EnumerateObject())
        {
            Assert.Equal(1.0, video.Value.EnumerateArray().Sum(i => i.GetProperty("score").GetDouble()), 9);
        }

        foreach (JsonProperty video in detection.RootElement.GetProperty("results").EnumerateObject())
        {
            foreach (JsonElement item in video.Value.EnumerateArray())
            {
                double[] segment = item.GetProperty("segment").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                Assert.True(segment.Length == 2 && segment[0] >= 0 && segment[0] < segment[1] && segment[1] <= novel[video.Name].Duration + 1e-9, $"{video.Name}: segment [{string.Join(", ", segment)}] outside [0, {novel[video.Name].Duration}]");
                Assert.InRange(item.GetProperty("score").GetDouble(), 1e-9, 1.0);
            }
        }
    }

    [ProducerLibrariesFact]
    public void Features_that_match_no_annotated_video_stop_the_import_with_exit_code_2_and_a_message()
    {
        using var temp = new TempFolder();
        var fixture = new ImportFixture(temp.Path);
        fixture.WriteAnnotations(["abc"]);
        ProducerLibraries.Write("npy", new { videos = new[] { new { name = "v_other", dtype = "float32", rows = ImportFixture.Rows(4, 3, 1) } } }, temp["npy"]);

        var result = VrecProcess.Run("import-features", "--annotations", fixture.Annotations, "--from", temp["npy"], "--out", temp["store"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no labelled video", result.Stderr, StringComparison.Ordinal);
        Assert.False(VrecProcess.HasStackTrace(result.Output));
    }
}
