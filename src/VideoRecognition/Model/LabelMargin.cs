using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Model;

/// <summary>
/// How sure the trained model is of each segment's label: the distance to the nearest threshold that would
/// change it. That is |s - tau| for the open-set score s and the detector's threshold tau (NBG or not), and,
/// for a segment the detector does not call NBG, also |p(y) - fg_threshold| for the video's class y (FG or
/// IBG); the smaller of the two. The one definition of "least sure": the report suggests the segments with the
/// smallest margins for marking, and the simulated-corrections study marks those, so what the study measures is
/// what a person following the report would do.
/// </summary>
public static class LabelMargin
{
    /// <param name="probabilities">[1, T, K] softmax of one video (<see cref="AnnotationEfficientModel.Infer"/>).</param>
    /// <param name="label">The video's base-class index, or null for a class the model never saw (it has no FG to flip, only NBG or not).</param>
    /// <param name="classCount">C.</param>
    /// <param name="config">The trained model's config: its detector after training, as the report shows it.</param>
    /// <returns>T margins, smaller = less sure.</returns>
    public static double[] Of(Tensor probabilities, int? label, int classCount, ModelConfig config)
    {
        using var scope = NewDisposeScope();
        // The threshold is taken over the one video, as the report and `vrec recognise` decide each video on its own.
        Tensor logits = probabilities.clamp_min(Scalars.Tiny).log();
        OpenSetScore kind = OpenSetDetector.ScoreAt(config, int.MaxValue);
        Tensor score = OpenSetDetector.Score(logits, classCount, config, kind);
        double threshold = OpenSetDetector.Threshold(config, kind, score);
        float[] s = score[0].to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        float[]? own = label is int y
            ? PseudoLabeller.BaseClassDistribution(logits, classCount)[0, .., y].to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray()
            : null;
        var margins = new double[s.Length];
        for (int t = 0; t < s.Length; t++)
        {
            double nbg = Math.Abs(s[t] - threshold);
            margins[t] = own is null || s[t] >= threshold ? nbg : Math.Min(nbg, Math.Abs(own[t] - config.FgThreshold));
        }

        return margins;
    }
}
