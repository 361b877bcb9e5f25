using TorchSharp;
using VideoRecognition.Model;
using static TorchSharp.torch;

namespace VideoRecognition.Training;

/// <summary>
/// The trainer's passes over every base video outside the optimiser steps: the pseudo-labels of an epoch
/// (when they are refreshed once per epoch) and the end-of-epoch evaluation scored against the ground truth.
/// </summary>
internal static class BaseVideoReview
{
    public static Tensor EpochPseudoLabels(AnnotationEfficientModel model, ITrainingBatchSource source, BaseClassSet data, int epoch)
    {
        var parts = new List<Tensor>();
        int chunk = source.EvaluationBatch;
        for (int start = 0; start < data.Positions.Count; start += chunk)
        {
            using var scope = NewDisposeScope();
            var positions = data.Positions.Skip(start).Take(chunk).ToArray();
            var labels = tensor(data.Labels.Skip(start).Take(chunk).Select(l => (long)l).ToArray(), device: source.Device);
            parts.Add(model.AssignPseudoLabels(source.TestFeatures(positions), labels, epoch).Labels.cpu().MoveToOuterDisposeScope());
        }

        Tensor all = cat(parts, 0);
        parts.ForEach(p => p.Dispose());
        return all;
    }

    /// <summary>
    /// One pass over every base video's test-time view (no dropout, no augmentation) giving the epoch-level
    /// measures: video accuracy over the base classes (how well the training task itself is learnt), the
    /// pseudo-labels the model as it stands would give in this epoch, and how well p(background), the
    /// detector's score and the self-weights separate the true kinds, all scored against the ground truth.
    /// </summary>
    public static BaseVideoEvaluation Evaluate(AnnotationEfficientModel model, ITrainingBatchSource source, BaseClassSet data, SegmentTruth? truth, int epoch)
    {
        long correct = 0;
        var score = new PseudoLabelScore();
        var quality = new OpenSetQuality();
        int chunk = source.EvaluationBatch;
        OpenSetScore detectorScore = OpenSetDetector.ScoreAt(model.Config, epoch);
        model.eval();
        using (no_grad())
        {
            for (int start = 0; start < data.Positions.Count; start += chunk)
            {
                using var scope = NewDisposeScope();
                var positions = data.Positions.Skip(start).Take(chunk).ToArray();
                SegmentOutputs outputs = model.forward(source.TestFeatures(positions));
                var predicted = outputs.VideoLogits.argmax(1).cpu().data<long>().ToArray();
                correct += predicted.Where((p, i) => p == data.Labels[start + i]).Count();
                if (model.Config.UsesPseudoLabels)
                {
                    var labels = tensor(data.Labels.Skip(start).Take(chunk).Select(l => (long)l).ToArray(), device: source.Device);
                    Score(score, PseudoLabeller.Assign(outputs.SegmentLogits, labels, model.ClassCount, model.Config, epoch, training: true), positions, source, truth);
                }

                if (truth is not null)
                {
                    float[] detector = Rows(OpenSetDetector.Score(outputs.SegmentLogits, model.ClassCount, model.Config, model.BackgroundIndex is null ? OpenSetScore.Uniformity : detectorScore));
                    float[]? background = model.BackgroundIndex is null ? null : Rows(OpenSetDetector.Background(outputs.SegmentLogits, model.ClassCount));
                    float[] weights = Rows(outputs.Weights);
                    int segments = source.Segments;
                    for (int i = 0; i < positions.Length; i++)
                    {
                        Range row = (i * segments)..((i + 1) * segments);
                        quality.Add(truth.Of(source.VideoIds[positions[i]]), background?[row], detector[row], weights[row]);
                    }
                }
            }
        }

        model.train();
        return new BaseVideoEvaluation(correct / (double)data.Positions.Count, score, quality);
    }

    private static float[] Rows(Tensor values) => values.to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();

    public static void Score(PseudoLabelScore score, PseudoLabels? pseudo, int[] positions, ITrainingBatchSource source, SegmentTruth? truth)
    {
        if (pseudo is null)
        {
            return;
        }

        long[] labels = pseudo.Labels.cpu().data<long>().ToArray();
        int segments = labels.Length / positions.Length;
        for (int i = 0; i < positions.Length; i++)
        {
            score.Add(labels[(i * segments)..((i + 1) * segments)], truth?.Of(source.VideoIds[positions[i]]));
        }
    }
}

/// <summary>What the end-of-epoch pass found: video accuracy on the base classes, pseudo-label scores, open-set quality.</summary>
internal sealed record BaseVideoEvaluation(double Accuracy, PseudoLabelScore Score, OpenSetQuality Quality);
