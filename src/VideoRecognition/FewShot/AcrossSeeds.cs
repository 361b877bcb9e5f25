using MathNet.Numerics.Statistics;

namespace VideoRecognition.FewShot;

/// <summary>
/// One number measured once per seed (a model's 1-shot accuracy, its mAP, ...), summarised over the seeds:
/// mean and sample standard deviation (n - 1 in the denominator). The spread is over everything a seed
/// draws (dataset, class split, initialisation, episodes), unlike <see cref="AccuracyInterval"/>, which
/// measures the sampling of episodes within one seed only. Std is null below 2 seeds, where it is undefined.
/// </summary>
public sealed record AcrossSeeds(int Seeds, double Mean, double? Std)
{
    public static AcrossSeeds Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("A summary over seeds needs at least one seed.", nameof(values));
        }

        if (values.Count == 1)
        {
            return new AcrossSeeds(1, values[0], null);
        }

        (double mean, double std) = values.MeanStandardDeviation();
        return new AcrossSeeds(values.Count, mean, std);
    }
}
