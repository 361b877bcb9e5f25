using VideoRecognition.Model;

namespace VideoRecognition.Training;

/// <summary>
/// Counts of pseudo-labels against ground-truth segment kinds over an epoch: for each of FG, IBG and NBG, its
/// share of all segments, its precision (labelled X and truly X / labelled X) and recall (/ truly X).
/// </summary>
public sealed class PseudoLabelScore
{
    private readonly long[,] counts = new long[4, 4]; // [pseudo, truth], PseudoLabel values 0..3
    private long labelled;
    private long scored;

    public void Add(long[] pseudo, long[]? truth)
    {
        for (int i = 0; i < pseudo.Length; i++)
        {
            labelled++;
            if (truth is not null)
            {
                counts[pseudo[i], truth[i]]++;
                scored++;
            }
            else
            {
                counts[pseudo[i], 0]++;
            }
        }
    }

    public bool Any => labelled > 0;

    public bool HasTruth => scored > 0;

    public double Share(PseudoLabel label) => labelled == 0 ? double.NaN : Row(label) / (double)labelled;

    public double Precision(PseudoLabel label)
    {
        long predicted = Enumerable.Range(1, 3).Sum(t => counts[(int)label, t]);
        return predicted == 0 ? double.NaN : counts[(int)label, (int)label] / (double)predicted;
    }

    public double Recall(PseudoLabel label)
    {
        long actual = Enumerable.Range(0, 4).Sum(p => counts[p, (int)label]);
        return actual == 0 ? double.NaN : counts[(int)label, (int)label] / (double)actual;
    }

    /// <summary>The share of scored segments whose ground truth is this kind: a pseudo-labeller that guesses has this precision.</summary>
    public double Chance(PseudoLabel label)
    {
        long actual = Enumerable.Range(0, 4).Sum(p => counts[p, (int)label]);
        return scored == 0 ? double.NaN : actual / (double)scored;
    }

    private long Row(PseudoLabel label) => Enumerable.Range(0, 4).Sum(t => counts[(int)label, t]);
}
