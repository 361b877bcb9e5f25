using VideoRecognition.Model;

namespace VideoRecognition.Training;

/// <summary>Running means of the loss and its components over an epoch (components over the steps that computed them).</summary>
internal sealed class LossSums
{
    private double total;
    private int steps;
    private readonly double[] parts = new double[3];
    private readonly int[] counts = new int[3];

    public Values Last { get; private set; } = new(double.NaN, null, null, null);

    public Values Mean => new(
        total / Math.Max(1, steps),
        counts[0] > 0 ? parts[0] / counts[0] : null,
        counts[1] > 0 ? parts[1] / counts[1] : null,
        counts[2] > 0 ? parts[2] / counts[2] : null);

    public void Add(double loss, LossTerms terms)
    {
        total += loss;
        steps++;
        double?[] values = [terms.SoftClassification, terms.BackgroundClassification, terms.Contrast];
        for (int i = 0; i < 3; i++)
        {
            if (values[i] is double v)
            {
                parts[i] += v;
                counts[i]++;
            }
        }

        Last = new Values(loss, values[0], values[1], values[2]);
    }

    public sealed record Values(double Total, double? Soft, double? Background, double? Contrast);
}
