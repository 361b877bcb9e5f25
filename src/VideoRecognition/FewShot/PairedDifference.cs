using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace VideoRecognition.FewShot;

/// <summary>
/// A reference model (the full method) against another model, both measured on the same seeds: the
/// per-seed differences reference - other, their mean, sample std, and the 95% Student-t interval of the
/// mean difference, t_{0.975, n-1} * std / sqrt(n). Pairing by seed removes what the two models share in a
/// seed (the same dataset, split and episodes), which is most of the seed-to-seed spread, so the interval
/// is about the difference itself. Std and the interval are null below 2 seeds.
/// </summary>
public sealed record PairedDifference(IReadOnlyList<double> Differences, double Mean, double? Std, double? HalfWidth)
{
    public int Seeds => Differences.Count;

    /// <summary>In how many seeds the reference scored strictly higher.</summary>
    public int ReferenceHigher => Differences.Count(d => d > 0);

    /// <summary>In how many seeds both scored the same (common for accuracies over few episodes).</summary>
    public int Ties => Differences.Count(d => d == 0);

    public double? Low => Mean - HalfWidth;

    public double? High => Mean + HalfWidth;

    /// <summary><paramref name="reference"/>[i] and <paramref name="other"/>[i] are measured on the same seed.</summary>
    public static PairedDifference Of(IReadOnlyList<double> reference, IReadOnlyList<double> other)
    {
        if (reference.Count != other.Count)
        {
            throw new ArgumentException($"Paired values need one of each per seed; got {reference.Count} and {other.Count}.", nameof(other));
        }

        if (reference.Count == 0)
        {
            throw new ArgumentException("A paired difference needs at least one seed.", nameof(reference));
        }

        double[] differences = reference.Zip(other, (r, o) => r - o).ToArray();
        int n = differences.Length;
        if (n == 1)
        {
            return new PairedDifference(differences, differences[0], null, null);
        }

        (double mean, double std) = differences.MeanStandardDeviation();
        double t = StudentT.InvCDF(0.0, 1.0, n - 1, 0.975);
        return new PairedDifference(differences, mean, std, t * std / Math.Sqrt(n));
    }
}
