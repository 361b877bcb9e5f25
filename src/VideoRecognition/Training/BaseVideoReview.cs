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
    /// <summary>
    /// [N, T] the <see cref="NeighbourLabelPrior"/> of every base video's segments (rows in the order of
    /// <paramref name="data"/>), from their test-time view; null when the model does not use it. One pass over
    /// the base videos, like an evaluation; the similarity blocks are 1024 x N*T floats.
    /// </summary>
    public static Tensor? NbgPrior(ModelConfig config, ITrainingBatchSource source, BaseClassSet data)
    {
        if (!config.UsesPseudoLabels || config.PriorNeighbours <= 0)
        {
            return null;
        }

        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (int start = 0; start < data.Positions.Count; start += source.EvaluationBatch)
        {
            parts.Add(source.TestFeatures(data.Positions.Skip(start).Take(source.EvaluationBatch).ToArray()));
        }

        Tensor labels = tensor(data.Labels.Select(l => (long)l).ToArray(), device: source.Device);
        return NeighbourLabelPrior.Compute(cat(parts, 0), labels, data.Classes.Count, config.PriorNeighbours).MoveToOuterDisposeScope();
    }

    public static Tensor EpochPseudoLabels(AnnotationEfficientModel model, ITrainingBatchSource source, BaseClassSet data, int epoch, Tensor? prior)
    {
        var parts = new List<Tensor>();
        int chunk = source.EvaluationBatch;
        for (int start = 0; start < data.Positions.Count; start += chunk)
        {
            using var scope = NewDisposeScope();
            var positions = data.Positions.Skip(start).Take(chunk).ToArray();
            var labels = tensor(data.Labels.Skip(start).Take(chunk).Select(l => (long)l).ToArray(), device: source.Device);
            parts.Add(model.AssignPseudoLabels(source.TestFeatures(positions), labels, epoch, prior?[start..(start + positions.Length)]).Labels.cpu().MoveToOuterDisposeScope());
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
    /// <remarks>prior: [N, T] the base videos' <see cref="NeighbourLabelPrior"/> scores, or null.</remarks>
    public static BaseVideoEvaluation Evaluate(AnnotationEfficientModel model, ITrainingBatchSource source, BaseClassSet data, SegmentTruth? truth, int epoch, Tensor? prior)
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
                Tensor? priorRows = prior?[start..(start + positions.Length)];
                SegmentOutputs outputs = model.forward(source.TestFeatures(positions));
                var predicted = outputs.VideoLogits.argmax(1).cpu().data<long>().ToArray();
                correct += predicted.Where((p, i) => p == data.Labels[start + i]).Count();
                if (model.Config.UsesPseudoLabels)
                {
                    var labels = tensor(data.Labels.Skip(start).Take(chunk).Select(l => (long)l).ToArray(), device: source.Device);
                    Score(score, PseudoLabeller.Assign(outputs.SegmentLogits, labels, model.ClassCount, model.Config, epoch, training: true, priorRows), positions, source, truth);
                }

                if (truth is not null)
                {
                    OpenSetScore kind = model.BackgroundIndex is null ? OpenSetScore.Uniformity : detectorScore;
                    float[] detector = Rows(kind is (OpenSetScore.Uniformity or OpenSetScore.NeighbourLabels) && priorRows is not null
                        ? priorRows
                        : OpenSetDetector.Score(outputs.SegmentLogits, model.ClassCount, model.Config, kind));
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
