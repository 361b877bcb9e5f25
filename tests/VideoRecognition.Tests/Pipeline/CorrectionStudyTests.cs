using System.Text.Json;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Features;
using VideoRecognition.Model;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Tests.Cli;
using VideoRecognition.Tests.Model;
using VideoRecognition.Training;
using Xunit.Abstractions;

namespace VideoRecognition.Tests.Pipeline;

/// <summary>
/// `vrec study-corrections` end to end through the real command line on a tiny synthetic set (6 classes of 6
/// short videos, 3 base classes, 4 segments at 32 px, 2 epochs, 2-way episodes) with a really trained reference
/// run: 1% and 20% of the base segments marked by uncertainty and at random, retrained and evaluated, then run again.
/// </summary>
[Collection(TorchGlobalRandomCollection.Name)]
public sealed class CorrectionStudyTests(ITestOutputHelper output)
{
    [Fact]
    public void Marks_the_chosen_segments_from_the_ground_truth_retrains_each_cell_once_and_tables_every_row()
    {
        using var temp = new TempFolder();
        RunConfig config = TinyReference(temp);
        string study = temp["study"];
        string[] args = ["study-corrections", "--run", config.Train.Output, "--fractions", "1,20", "--out", study, "--set", "eval.episodes=20"];

        var first = VrecProcess.Run(args);
        output.WriteLine(first.Output);
        Assert.True(first.ExitCode == 0, first.Output);

        var truth = GroundTruthJson.Read(config.Data.GroundTruth).Videos.ToDictionary(v => v.Id, StringComparer.Ordinal);
        int baseSegments = SimulatedMarks.BaseSegments(config);
        var chosen = new Dictionary<string, HashSet<(string, int)>>();
        foreach (string name in new[] { "uncertainty-1pct", "random-1pct", "uncertainty-20pct", "random-20pct" })
        {
            double fraction = name.EndsWith("-1pct", StringComparison.Ordinal) ? 0.01 : 0.2;
            SegmentCorrections marks = SegmentCorrections.Read(Path.Combine(study, "corrections", name + ".json"));
            Assert.Equal(MarkSuggestions.CountOf(fraction, baseSegments), marks.Count);
            foreach (SegmentMark mark in marks.All)
            {
                GroundTruthVideo video = truth[mark.Video];
                Assert.Equal(SegmentTruth.Majority(video, mark.Segment, mark.Segments), mark.Kind);
                Assert.Equal(mark.Kind == PseudoLabel.Fg ? video.Label : null, mark.Class);
            }

            chosen[name] = marks.All.Select(m => (m.Video, m.Segment)).ToHashSet();
            var log = TrainingLog.Read(new RunLayout(Path.Combine(study, "cells", name, "run")).TrainingLog);
            Assert.Contains(log, r => r.Kind == "epoch" && r.CorrectedSegments > 0);
        }

        Assert.True(MarkSuggestions.CountOf(0.01, baseSegments) < MarkSuggestions.CountOf(0.2, baseSegments), $"{baseSegments} base segments");
        Assert.False(chosen["uncertainty-20pct"].SetEquals(chosen["random-20pct"]), "uncertainty and random chose the same segments");
        Assert.Subset(chosen["uncertainty-20pct"], chosen["uncertainty-1pct"]);
        Assert.Subset(chosen["random-20pct"], chosen["random-1pct"]);

        string markdown = File.ReadAllText(Path.Combine(study, "study-corrections.md"));
        foreach (string row in new[] { "| none | reference (no marks) |", "| 1% | uncertainty |", "| 1% | random |", "| 20% | uncertainty |", "| 20% | random |" })
        {
            Assert.Contains(row, markdown);
        }

        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(study, "study-corrections.json"))))
        {
            var cells = json.RootElement.GetProperty("cells").EnumerateArray().ToList();
            Assert.Equal(5, cells.Count);
            Assert.All(cells, c => Assert.InRange(c.GetProperty("accuracy").GetDouble(), 0.0, 1.0));
            Assert.All(cells, c => Assert.Equal(2, c.GetProperty("last_epoch").GetInt32()));
        }

        var trainedAt = Directory.GetFiles(Path.Combine(study, "cells"), "train.jsonl", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var second = VrecProcess.Run(args);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(5, second.Stdout.Split("Reusing the finished cell").Length - 1);
        Assert.DoesNotContain("Training with", second.Stdout);
        Assert.All(trainedAt, p => Assert.Equal(p.Value, File.GetLastWriteTimeUtc(p.Key)));
        Assert.Equal(markdown, File.ReadAllText(Path.Combine(study, "study-corrections.md")));

        var otherTraining = VrecProcess.Run([.. args, "--set", "train.epochs=3"]);
        VrecProcess.AssertRefused(otherTraining, "train.epochs=3");
    }

    [Fact]
    public void A_run_folder_that_is_not_a_trained_run_is_refused_by_name()
    {
        using var temp = new TempFolder();
        var run = VrecProcess.Run("study-corrections", "--run", temp["no-such-run"], "--out", temp["study"]);
        VrecProcess.AssertRefused(run, "no-such-run");
    }

    /// <summary>The tiny synthetic set, its features and a reference run trained on it without corrections.</summary>
    private static RunConfig TinyReference(TempFolder temp)
    {
        string synthetic = temp["synthetic"];
        RunConfig config = RunConfigFile.Parse($"""
            seed: 3
            synth:
              output: {synthetic}
              classes: 6
              videos_per_class: 6
              duration_scale: 0.05
              min_duration: 4
              width: 64
              height: 48
              split: {"{"} base: 0.5, val: 0.17, novel: 0.33 {"}"}
            data:
              annotations: {synthetic}/annotations.json
              videos: {synthetic}/videos
              splits: {synthetic}/splits.txt
              ground_truth: {synthetic}/ground_truth.json
              index: {temp["index"]}
            video:
              segments: 4
              input_size: 32
              resize_shorter: 36
            features:
              output: {temp["features"]}
            train:
              output: {temp["reference"]}
              epochs: 2
              batch_size: 8
              validation_episodes: 0
            eval:
              way: 2
              query: 1
            """, "corrections study test config", []);
        SyntheticDataset.Generate(config.Synth, Seed.From(config.Seed), SilentProgress.Instance, CancellationToken.None);
        ExtractionJob.Extract(config, ShardSpec.Whole, SilentProgress.Instance, CancellationToken.None);
        TrainingJob.Train(config, false, SilentProgress.Instance, CancellationToken.None);
        return config;
    }
}
