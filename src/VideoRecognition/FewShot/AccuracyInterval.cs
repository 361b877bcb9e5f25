using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace VideoRecognition.FewShot;

/// <summary>Which 95% confidence interval a result reports.</summary>
public enum IntervalMethod
{
    /// <summary>1.96 * std / sqrt(E), as the paper (METHOD.md) reports it.</summary>
    Normal,

    /// <summary>t_{0.975, E-1} * std / sqrt(E): the normal interval is too narrow for few episodes.</summary>
    StudentT,
}

/// <summary>
/// Mean episode accuracy with its 95% confidence interval. Std is the sample standard deviation (n - 1 in
/// the denominator) of the per-episode accuracies. Both half-widths are kept; <see cref="Method"/> says which
/// one <see cref="HalfWidth"/> is: Student-t below <see cref="StudentTBelow"/> episodes, normal from there on.
/// </summary>
public sealed record AccuracyInterval(int Episodes, double Mean, double Std, double NormalHalfWidth, double StudentTHalfWidth, IntervalMethod Method)
{
    public const int StudentTBelow = 100;

    public double HalfWidth => Method == IntervalMethod.StudentT ? StudentTHalfWidth : NormalHalfWidth;

    public static AccuracyInterval Of(IReadOnlyList<double> accuracies)
    {
        int n = accuracies.Count;
        if (n < 2)
        {
            throw new ArgumentException($"A confidence interval needs at least 2 episodes, got {n}.", nameof(accuracies));
        }

        (double mean, double std) = accuracies.MeanStandardDeviation();
        double standardError = std / Math.Sqrt(n);
        double t = StudentT.InvCDF(0.0, 1.0, n - 1, 0.975);
        return new AccuracyInterval(
            n,
            mean,
            std,
            1.96 * standardError,
            t * standardError,
            n < StudentTBelow ? IntervalMethod.StudentT : IntervalMethod.Normal);
    }
}
