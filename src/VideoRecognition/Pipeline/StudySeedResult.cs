using System.Text.Json.Serialization;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.FewShot;

namespace VideoRecognition.Pipeline;

/// <summary>
/// What one seed of a study measured: the demo's episode setting and, per model, its accuracy for each shot
/// with the episode-sampling interval of that one seed, its localisation (from the first shot's episodes, as
/// the demo's table) and the numbers of its last training epoch that a study compares. With
/// <see cref="Inits"/> above 1 every model was trained from that many initialisations of the seed (train.init
/// 0, 1, ...) on the same data and evaluated on the same episodes, and each number is their mean. Written as
/// seed-&lt;s&gt;/study-seed.json when the seed is finished; its presence is what "finished" means.
/// </summary>
public sealed record StudySeedResult(
    int Seed,
    string Split,
    int Way,
    int Query,
    int Episodes,
    string Classifier,
    ulong EpisodeSeed,
    IReadOnlyList<StudyModelResult> Models,
    int Inits = 1)
{
    /// <summary>
    /// From the demo's evaluations (one per shot, the same models in the same order) and each model's last
    /// training epoch (<paramref name="trainingNumbers"/>: model name to the numbers on that line).
    /// </summary>
    public static StudySeedResult From(int seed, IReadOnlyList<FewShotResult> evaluations, Func<string, IReadOnlyDictionary<string, double>> trainingNumbers)
    {
        FewShotResult first = evaluations[0];
        var models = first.Models
            .Select((model, i) => new StudyModelResult(
                model.Model,
                evaluations.Select(e => ShotAccuracy.From(e.Shot, e.Models[i].Accuracy)).ToList(),
                Defined(model.Localisation?.MeanTemporalIoU),
                Defined(model.Localisation?.MeanAveragePrecision),
                StudyMetric.TrainingFields
                    .Select(name => (name, value: trainingNumbers(model.Model).TryGetValue(name, out double v) ? v : double.NaN))
                    .Where(f => double.IsFinite(f.value))
                    .ToDictionary(f => f.name, f => f.value, StringComparer.Ordinal)))
            .ToList();
        return new StudySeedResult(
            seed,
            ClassSplit.PartName(first.Split),
            first.Way,
            first.Query,
            first.Episodes,
            ConfigKeys.FromProperty(first.Classifier.ToString()),
            first.Seed.Value,
            models);
    }

    /// <summary>
    /// One seed's result from the results of its initialisations (same models, episodes and shots, in init order):
    /// each number is the mean over them; a metric is kept when every initialisation measured it. The
    /// episode-sampling half-width is the mean of theirs, an upper bound for that of the mean (the sd of an
    /// average is at most the average of the sds), since the per-episode accuracies are not kept.
    /// </summary>
    public static StudySeedResult OverInits(IReadOnlyList<StudySeedResult> inits)
    {
        if (inits.Count == 0)
        {
            throw new ArgumentException("needs the result of at least one initialisation", nameof(inits));
        }

        StudySeedResult first = inits[0];
        if (inits.Count == 1)
        {
            return first;
        }

        var models = first.Models.Select(model =>
        {
            var runs = inits.Select(i => i.Models.Single(m => m.Model == model.Model)).ToList();
            var accuracy = model.Accuracy.Select(shot =>
            {
                var perInit = runs.Select(r => r.Accuracy.Single(a => a.Shot == shot.Shot)).ToList();
                return shot with
                {
                    Mean = perInit.Average(a => a.Mean),
                    EpisodeSamplingHalfWidth = perInit.Average(a => a.EpisodeSamplingHalfWidth),
                    PerInit = perInit.Select(a => a.Mean).ToList(),
                };
            }).ToList();
            var training = model.Training.Keys
                .Where(key => runs.All(r => r.Training.ContainsKey(key)))
                .ToDictionary(key => key, key => runs.Average(r => r.Training[key]), StringComparer.Ordinal);
            return new StudyModelResult(model.Model, accuracy, MeanOfAll(runs.Select(r => r.MeanTemporalIoU)), MeanOfAll(runs.Select(r => r.MeanAveragePrecision)), training);
        }).ToList();
        return first with { Models = models, Inits = inits.Count };
    }

    private static double? MeanOfAll(IEnumerable<double?> values)
    {
        var list = values.ToList();
        return list.All(v => v is not null) ? list.Average(v => v!.Value) : null;
    }

    // A mean tIoU over no ground truth is NaN; in a study it is simply not measured.
    private static double? Defined(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}

/// <summary>One model in one seed; Training holds the last-epoch numbers named in <see cref="StudyMetric.TrainingFields"/> that its log has.</summary>
public sealed record StudyModelResult(
    string Model,
    IReadOnlyList<ShotAccuracy> Accuracy,
    [property: JsonPropertyName("mean_tiou")] double? MeanTemporalIoU,
    [property: JsonPropertyName("map_at_0_5")] double? MeanAveragePrecision,
    IReadOnlyDictionary<string, double> Training);

/// <summary>
/// Mean accuracy over one seed's episodes with its 95% episode-sampling half-width: it measures only which
/// episodes were drawn, not what another seed (another dataset, split and initialisation) would give. With several
/// initialisations of the seed, PerInit holds each one's mean accuracy in init order and Mean is their mean.
/// </summary>
public sealed record ShotAccuracy(int Shot, double Mean, double EpisodeSamplingHalfWidth, string EpisodeSamplingMethod, int Episodes, IReadOnlyList<double>? PerInit = null)
{
    public static ShotAccuracy From(int shot, AccuracyInterval accuracy) =>
        new(shot, accuracy.Mean, accuracy.HalfWidth, ConfigKeys.FromProperty(accuracy.Method.ToString()), accuracy.Episodes);
}
