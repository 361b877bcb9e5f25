using VideoRecognition.Model;

namespace VideoRecognition.Training;

/// <summary>
/// How well the open-set detector and the self-weights match the ground truth over an epoch's base videos:
/// AUROC of p(background) and of the detector's score for NBG against the rest, and the mean self-weight of
/// truly FG, IBG and NBG segments. Videos without ground truth are left out.
/// </summary>
public sealed class OpenSetQuality
{
    private readonly List<double> background = [];
    private readonly List<double> detector = [];
    private readonly List<bool> isNbg = [];
    private readonly double[] weightSums = new double[4];
    private readonly long[] weightCounts = new long[4];

    /// <param name="truth">Per segment, a <see cref="PseudoLabel"/> value of the ground-truth kind; null skips the video.</param>
    /// <param name="backgroundScores">p_t(background) per segment, or null for a model without the background class.</param>
    /// <param name="detectorScores">The open-set detector's score per segment.</param>
    /// <param name="weights">w_t per segment.</param>
    public void Add(long[]? truth, float[]? backgroundScores, float[] detectorScores, float[] weights)
    {
        if (truth is null)
        {
            return;
        }

        for (int t = 0; t < truth.Length; t++)
        {
            isNbg.Add(truth[t] == (long)PseudoLabel.Nbg);
            detector.Add(detectorScores[t]);
            if (backgroundScores is not null)
            {
                background.Add(backgroundScores[t]);
            }

            weightSums[truth[t]] += weights[t];
            weightCounts[truth[t]]++;
        }
    }

    /// <summary>AUROC of p(background) for NBG vs the rest; NaN without a background class or ground truth.</summary>
    public double BackgroundAuroc => background.Count == isNbg.Count ? Auroc.Of(background, isNbg) : double.NaN;

    /// <summary>AUROC of the score the detector uses this epoch, for NBG vs the rest.</summary>
    public double DetectorAuroc => Auroc.Of(detector, isNbg);

    /// <summary>Mean w_t of segments whose ground truth is this kind; NaN when there are none.</summary>
    public double MeanWeight(PseudoLabel kind) =>
        weightCounts[(int)kind] == 0 ? double.NaN : weightSums[(int)kind] / weightCounts[(int)kind];
}
