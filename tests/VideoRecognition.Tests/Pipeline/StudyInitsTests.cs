using VideoRecognition.Pipeline;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Pipeline;

/// <summary>A seed trained from several initialisations: its numbers are their means, worked out here by hand.</summary>
public sealed class StudyInitsTests
{
    [Fact]
    public void A_seed_over_its_initialisations_keeps_each_accuracy_and_reports_their_mean()
    {
        // Seed 0 of the samples, and the same seed from a second initialisation that moved every number.
        StudySeedResult first = StudySamples.Seeds()[0];
        StudySeedResult second = first with
        {
            Models = first.Models.Select(m => m with
            {
                Accuracy = m.Accuracy.Select(a => a with { Mean = a.Mean - 0.10, EpisodeSamplingHalfWidth = a.EpisodeSamplingHalfWidth + 0.02 }).ToList(),
                MeanTemporalIoU = m.MeanTemporalIoU + 0.2,
                Training = m.Training.ToDictionary(t => t.Key, t => t.Value - 0.1),
            }).ToList(),
        };

        StudySeedResult seed = StudySeedResult.OverInits([first, second]);

        Assert.Equal(2, seed.Inits);
        StudyModelResult full = seed.Models.Single(m => m.Model == "full");
        ShotAccuracy oneShot = full.Accuracy.Single(a => a.Shot == 1);
        Assert.Equal(StudySamples.Full1[0] - 0.05, oneShot.Mean, 12);
        Assert.Equal([StudySamples.Full1[0], StudySamples.Full1[0] - 0.10], oneShot.PerInit!);
        Assert.Equal(0.06, oneShot.EpisodeSamplingHalfWidth, 12);
        Assert.Equal(StudySamples.FullIoU[0]!.Value + 0.1, full.MeanTemporalIoU!.Value, 12);
        Assert.Equal(StudySamples.FullAuroc[0] - 0.05, full.Training["nbg_auroc_background"], 12);
        Assert.Equal(first.EpisodeSeed, seed.EpisodeSeed);
    }

    [Fact]
    public void A_metric_one_initialisation_did_not_measure_is_left_out()
    {
        StudySeedResult measured = StudySamples.Seeds()[0];
        StudySeedResult unmeasured = measured with
        {
            Models = measured.Models.Select(m => m with { MeanTemporalIoU = null, Training = new Dictionary<string, double>() }).ToList(),
        };

        StudyModelResult full = StudySeedResult.OverInits([measured, unmeasured]).Models.Single(m => m.Model == "full");

        Assert.Null(full.MeanTemporalIoU);
        Assert.Empty(full.Training);
    }

    [Fact]
    public void One_initialisation_is_the_seed_as_it_was_and_a_seed_file_without_the_count_reads_as_one()
    {
        StudySeedResult seed = StudySamples.Seeds()[1];
        Assert.Same(seed, StudySeedResult.OverInits([seed]));
        Assert.Null(seed.Models[0].Accuracy[0].PerInit);

        // study-seed.json files written before --inits existed have no "inits" key.
        using var temp = new TempFolder();
        StudyJson.Write(seed, temp["seed.json"]);
        string old = File.ReadAllText(temp["seed.json"]).Replace("\"inits\": 1", "\"_\": 0", StringComparison.Ordinal);
        Assert.DoesNotContain("\"inits\"", old);
        File.WriteAllText(temp["old.json"], old);
        Assert.Equal(1, StudyJson.ReadSeed(temp["old.json"]).Inits);
    }

    [Fact]
    public void The_markdown_lists_every_initialisation_only_when_there_are_several()
    {
        var seeds = StudySamples.Seeds().Select(s => StudySeedResult.OverInits([s, s with { Models = s.Models.Select(m => m with
        {
            Accuracy = m.Accuracy.Select(a => a with { Mean = a.Mean + 0.02 }).ToList(),
        }).ToList() }])).ToList();

        string several = StudyTable.Markdown(StudyResult.Of(StudySamples.Plan with { Inits = 2 }, seeds));
        string one = StudyTable.Markdown(StudyResult.Of(StudySamples.Plan, StudySamples.Seeds()));

        Assert.Contains("from 2 initialisations of each seed", several);
        Assert.Contains("| 0 | full | 60.00 / 62.00 | 90.00 / 92.00 |", several);
        Assert.DoesNotContain("## Initialisations", one);
        Assert.DoesNotContain("initialisations of each seed", one);
    }

    [Fact]
    public void An_initialisation_count_out_of_range_is_refused_before_anything_runs()
    {
        using var temp = new TempFolder();
        var plan = StudySamples.Plan with { OutputFolder = temp["study"], Inits = 0 };
        var error = Assert.Throws<BadInputException>(() => StudyPipeline.Aggregate(new VideoRecognition.Runs.RunConfig(), plan, VideoRecognition.Progress.SilentProgress.Instance));
        Assert.Contains("--inits", error.Message);
        Assert.False(Directory.Exists(temp["study"]));
    }
}
