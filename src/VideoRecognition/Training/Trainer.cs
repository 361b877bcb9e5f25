using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.Model;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Training;

/// <summary>
/// Trains the model on the base classes (`vrec train`): on cached segment features, or end to end with the
/// backbone, depending on the <see cref="ITrainingBatchSource"/> it is given; the loop is the same. Every
/// epoch's randomness (video order, view choice or augmentation, dropout) is derived from the seed and the
/// epoch number alone, so a run resumed from an epoch checkpoint ends with the same weights as one that never stopped.
/// </summary>
public sealed class Trainer(RunConfig config, IProgressReporter progress)
{
    private readonly TrainingConfig train = config.Train;
    private readonly Seed seed = Seed.From(config.Seed);

    /// <param name="resume">Continue from the newest checkpoint in train.output instead of starting (and refusing to overwrite) a run.</param>
    /// <param name="validate">Few-shot accuracy of the model on the val classes, or null to skip; picks the best checkpoint.</param>
    /// <param name="ct">Stops between steps; the last finished epoch's checkpoint is what --resume continues from.</param>
    /// <param name="source">Where the batches come from; its trainable backbone parameters are optimised with the heads.</param>
    public TrainingSummary Run(ITrainingBatchSource source, bool resume, Func<AnnotationEfficientModel, double?> validate, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        OutputFolder.Prepare(train.Output);
        var split = ClassSplit.Read(config.Data.Splits);
        var data = BaseClassSet.From(source.VideoLabels, split, config.Data.Splits, source.Description);
        var truth = SegmentTruth.Load(config.Data.GroundTruth, data.Positions.Select(p => source.VideoIds[p]), source.Segments);
        CorrectionLabels? corrections = CorrectionLabels.Load(config, source, data, progress);
        ModelConfig modelConfig = config.Model.Resolved();
        torch.Device device = source.Device;

        torch.manual_seed(unchecked((long)seed.Derive("train.init").Value));
        using var model = new AnnotationEfficientModel(source.FeatureDimension, data.Classes.Count, modelConfig);
        model.to(device);
        var (optimizer, rateScales) = CreateOptimizer(model, source.TrainableParameters);
        var trained = model.parameters().Concat(source.TrainableParameters).ToList();
        var checkpoints = new CheckpointStore(train.Output);
        var identity = new CheckpointState(
            CheckpointState.CurrentFormatVersion, -1, 0, null, null, -1, source.FeatureDimension, data.Classes, modelConfig.ToString(), source.Backbone, source.Mode);
        (int startEpoch, long step, double? best, int bestEpoch) = Restore(resume, checkpoints, identity, model, source.TrainableModule, optimizer);

        // The log numbers epochs from 1, so a run resumed after startEpoch finished epochs keeps lines 1..startEpoch;
        // a fresh run keeps nothing of an earlier attempt that died before its first checkpoint.
        using var log = new TrainingLog(train.Output, resume ? startEpoch : -1);
        string configYaml = RunConfigFile.ToYaml(config);
        int stepsPerEpoch = (data.Positions.Count + train.BatchSize - 1) / train.BatchSize;
        if (startEpoch == 0 && modelConfig.UsesPseudoLabels)
        {
            // Epoch 0: what the untrained model would label, the reference the later epochs improve on.
            var untrained = EvaluateBaseVideos(model, source, data, truth, -1);
            log.Write(Record("epoch", -1, 0, 0, new LossSums().Mean, null, null, untrained.Score, 0, source.Segments, untrained.Quality));
        }

        double baseAccuracy = double.NaN;
        using (IProgressTask task = progress.Start("Training", (long)train.Epochs * stepsPerEpoch, "steps"))
        {
            task.Advance((long)startEpoch * stepsPerEpoch);
            for (int epoch = startEpoch; epoch < train.Epochs; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                torch.manual_seed(unchecked((long)seed.Derive("train.torch", epoch).Value));
                int[] order = Shuffle(data.Positions.Count, seed.Derive("train.order", epoch).ToRandom());
                var rowsOfStep = Enumerable.Range(0, stepsPerEpoch).Select(s => order.Skip(s * train.BatchSize).Take(train.BatchSize).ToArray()).ToArray();
                var steps = rowsOfStep.Select(rows => new BatchRows(rows.Select(r => data.Positions[r]).ToArray(), rows.Select(r => data.Labels[r]).ToArray())).ToArray();
                bool contrastive = modelConfig.Contrastive && (epoch >= modelConfig.WarmupEpochs || modelConfig.ContrastiveDuringWarmup);
                Tensor? epochLabels = modelConfig.PseudoLabelRefresh == PseudoLabelRefresh.EveryEpoch && epoch >= modelConfig.WarmupEpochs
                    ? EpochPseudoLabels(model, source, data, epoch)
                    : null;
                var sums = new LossSums();
                model.train();
                source.SetTraining(true);
                using IEnumerator<TrainingBatch> batches = source.Epoch(epoch, steps, contrastive, ct).GetEnumerator();
                for (int s = 0; s < stepsPerEpoch; s++)
                {
                    ct.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    int[] rows = rowsOfStep[s];
                    var positions = steps[s].Positions;
                    if (!batches.MoveNext())
                    {
                        throw new InvalidOperationException($"the batch source ended after {s} of {stepsPerEpoch} steps");
                    }

                    TrainingBatch batch = batches.Current;
                    double lr = LearningRate.At(train, epoch, s, stepsPerEpoch);
                    foreach (var (group, scale) in optimizer.ParamGroups.Zip(rateScales))
                    {
                        group.LearningRate = lr * scale;
                    }

                    PseudoLabels? given = epochLabels is null ? null : PseudoLabels.From(epochLabels.index_select(0, tensor(rows.Select(r => (long)r).ToArray())));
                    LossTerms terms = TrainingObjective.Compute(model, batch, epoch, given, corrections?.For(positions, source.Segments, device));
                    corrections?.Count(terms.PseudoLabels);
                    double loss = terms.Total.item<float>();
                    if (!double.IsFinite(loss))
                    {
                        throw new TrainingDivergedException(
                            $"the loss became {loss} at epoch {epoch + 1}, step {step + 1} (lr {lr:g3}; soft-cls {terms.SoftClassification}, bg-cls {terms.BackgroundClassification}, " +
                            $"contrast {terms.Contrast}). Last good checkpoint: {checkpoints.Latest() ?? "none"}. Lower train.learning_rate or raise train.gradient_clip, then rerun with --resume.");
                    }

                    using (CollectionPause.Begin())
                    {
                        optimizer.zero_grad();
                        terms.Total.backward();
                        if (train.GradientClip > 0)
                        {
                            nn.utils.clip_grad_norm_(trained, train.GradientClip);
                        }

                        optimizer.step();
                    }

                    step++;
                    sums.Add(loss, terms);
                    if (step % train.LogEvery == 0)
                    {
                        var stepScore = new PseudoLabelScore();
                        Score(stepScore, terms.PseudoLabels, positions, source, truth);
                        log.Write(Record("step", epoch, step, lr, sums.Last, null, null, stepScore, rows.Length / Math.Max(1e-9, epochClock.Elapsed.TotalSeconds / (s + 1)), source.Segments));
                    }

                    task.Advance();
                }

                epochLabels?.Dispose();
                batches.Dispose();
                source.SetTraining(false);
                BaseVideoEvaluation evaluation = EvaluateBaseVideos(model, source, data, truth, epoch);
                baseAccuracy = evaluation.Accuracy;
                PseudoLabelScore score = evaluation.Score;
                double? validation = validate(model);
                // Only epochs after the model's warm-up compete: before it the pseudo-label losses are off, so such a
                // checkpoint is not the method being trained. Ties go to the later epoch (validation often saturates).
                bool eligible = epoch >= modelConfig.WarmupEpochs || epoch == train.Epochs - 1;
                bool isBest = eligible && (validation is null || best is null || validation >= best);
                if (isBest)
                {
                    best = validation ?? best;
                    bestEpoch = epoch;
                }

                double videosPerSecond = data.Positions.Count / Math.Max(1e-9, epochClock.Elapsed.TotalSeconds);
                (int Corrected, int Changed)? marked = corrections?.TakeEpoch();
                log.Write(Record("epoch", epoch, step, LearningRate.At(train, epoch, stepsPerEpoch - 1, stepsPerEpoch), sums.Mean, baseAccuracy, validation, score, videosPerSecond, source.Segments, evaluation.Quality)
                    with { CorrectedSegments = marked?.Corrected, CorrectionsChanged = marked?.Changed });
                if (marked is { } m)
                {
                    progress.Log(LogLevel.Info, $"epoch {epoch + 1}: {m.Corrected} marked segments trained as known labels, {m.Changed} of them unlike the model's pseudo-label");
                }

                checkpoints.Save(identity with { Epoch = epoch, Step = step, ValidationAccuracy = validation, BestValidationAccuracy = best, BestEpoch = bestEpoch }, configYaml, model, source.TrainableModule, optimizer, isBest);
                progress.Log(LogLevel.Info, EpochLine(epoch, sums.Mean, baseAccuracy, validation, score, evaluation.Quality));
            }
        }

        if (double.IsNaN(baseAccuracy))
        {
            source.SetTraining(false);
            baseAccuracy = EvaluateBaseVideos(model, source, data, truth, train.Epochs - 1).Accuracy; // resumed with no epoch left to train
        }

        string bestCheckpoint = Directory.Exists(checkpoints.Best) ? checkpoints.Best : checkpoints.Latest()!;
        string exported = Export(model, source.TrainableModule, bestCheckpoint);
        return new TrainingSummary(
            Path.GetFullPath(train.Output), train.Epochs, step, data.Positions.Count, data.Classes.Count, baseAccuracy, best, bestEpoch + 1,
            bestCheckpoint, exported, clock.Elapsed, (double)data.Positions.Count * (train.Epochs - startEpoch) / Math.Max(1e-9, clock.Elapsed.TotalSeconds));
    }

    /// <summary>Loads the newest checkpoint when resuming; refuses to train over an existing run otherwise.</summary>
    private (int Epoch, long Step, double? Best, int BestEpoch) Restore(
        bool resume, CheckpointStore checkpoints, CheckpointState identity, AnnotationEfficientModel model, nn.Module? backbone, OptimizerHelper optimizer)
    {
        string? latest = checkpoints.Latest();
        if (!resume)
        {
            if (latest is not null)
            {
                throw new BadInputException($"{train.Output} already holds a training run (last checkpoint {latest}); continue it with --resume, or choose another train.output");
            }

            return (0, 0, null, -1);
        }

        if (latest is null)
        {
            progress.Log(LogLevel.Warning, $"--resume: {train.Output} has no checkpoint yet; starting from the beginning");
            return (0, 0, null, -1);
        }

        CheckpointState state = CheckpointStore.ReadState(latest);
        CheckpointCompatibility.Require(state, identity, latest);
        model.load(CheckpointStore.ModelFile(latest));
        backbone?.load(CheckpointStore.BackboneFile(latest));
        optimizer.load_state_dict(CheckpointStore.OptimizerFile(latest));
        progress.Log(LogLevel.Info, $"Resuming from {latest} (epoch {state.Epoch + 1} of {train.Epochs} done)");
        return (state.Epoch + 1, state.Step, state.BestValidationAccuracy, state.BestEpoch);
    }

    /// <summary>
    /// One optimiser over the heads and, in end-to-end mode, the backbone: the backbone in its own parameter
    /// group, whose rate is the schedule's times train.backbone_lr_scale (pretrained features need gentler steps).
    /// </summary>
    private (OptimizerHelper Optimizer, double[] RateScales) CreateOptimizer(AnnotationEfficientModel model, IReadOnlyList<Parameter> backbone)
    {
        if (backbone.Count == 0)
        {
            OptimizerHelper heads = train.Optimizer switch
            {
                OptimizerKind.Sgd => optim.SGD(model.parameters(), train.LearningRate, momentum: train.Momentum, weight_decay: train.WeightDecay),
                _ => optim.AdamW(model.parameters(), train.LearningRate, weight_decay: train.WeightDecay),
            };
            return (heads, [1.0]);
        }

        double backboneRate = train.LearningRate * train.BackboneLrScale;
        OptimizerHelper both = train.Optimizer switch
        {
            OptimizerKind.Sgd => optim.SGD(
                [new SGD.ParamGroup(model.parameters(), new SGD.Options { LearningRate = train.LearningRate, momentum = train.Momentum, weight_decay = train.WeightDecay }),
                 new SGD.ParamGroup(backbone, new SGD.Options { LearningRate = backboneRate, momentum = train.Momentum, weight_decay = train.WeightDecay })],
                train.LearningRate, momentum: train.Momentum, weight_decay: train.WeightDecay),
            _ => optim.AdamW(
                [new AdamW.ParamGroup(model.parameters(), new AdamW.Options { LearningRate = train.LearningRate, weight_decay = train.WeightDecay }),
                 new AdamW.ParamGroup(backbone, new AdamW.Options { LearningRate = backboneRate, weight_decay = train.WeightDecay })],
                train.LearningRate, weight_decay: train.WeightDecay),
        };
        return (both, [1.0, train.BackboneLrScale]);
    }

    /// <summary>
    /// The final weights as a PyTorch state_dict (model.pt), taken from the best checkpoint; in end-to-end
    /// mode the trained backbone too (backbone.pt, torchvision names, loadable as backbone.weights).
    /// </summary>
    private string Export(AnnotationEfficientModel model, nn.Module? backbone, string checkpoint)
    {
        model.load(CheckpointStore.ModelFile(checkpoint));
        string path = Path.Combine(train.Output, "model.pt");
        string temporary = path + ".partial";
        TorchSharp.PyBridge.PyBridgeModuleExtensions.save_py(model, temporary);
        AtomicFile.Publish(temporary, path);
        if (backbone is not null)
        {
            backbone.load(CheckpointStore.BackboneFile(checkpoint));
            string backbonePath = Path.Combine(train.Output, "backbone.pt");
            TorchSharp.PyBridge.PyBridgeModuleExtensions.save_py(backbone, backbonePath + ".partial");
            AtomicFile.Publish(backbonePath + ".partial", backbonePath);
        }

        return path;
    }

    private static Tensor EpochPseudoLabels(AnnotationEfficientModel model, ITrainingBatchSource source, BaseClassSet data, int epoch)
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
    private static BaseVideoEvaluation EvaluateBaseVideos(AnnotationEfficientModel model, ITrainingBatchSource source, BaseClassSet data, SegmentTruth? truth, int epoch)
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

    private sealed record BaseVideoEvaluation(double Accuracy, PseudoLabelScore Score, OpenSetQuality Quality);

    private static void Score(PseudoLabelScore score, PseudoLabels? pseudo, int[] positions, ITrainingBatchSource source, SegmentTruth? truth)
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

    /// <summary>The process's resident set (VmRSS), the number that must stay flat from epoch to epoch.</summary>
    private static double ResidentMemoryMiB()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / (1024.0 * 1024.0);
    }

    private static int[] Shuffle(int count, Random random)
    {
        int[] order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static TrainingRecord Record(string kind, int epoch, long step, double lr, LossSums.Values loss, double? baseAccuracy, double? validation, PseudoLabelScore? score, double videosPerSecond, int segments, OpenSetQuality? quality = null)
    {
        // A ratio with nothing to count (no NBG segment picked in a batch) is NaN; the log says "no value" instead.
        static double? Finite(double? value) => value is double v && double.IsFinite(v) ? v : null;
        double? Of(Func<PseudoLabelScore, double> f) => score is { Any: true } ? Finite(f(score)) : null;
        double? OfTruth(Func<PseudoLabelScore, double> f) => score is { HasTruth: true } ? Finite(f(score)) : null;
        return new TrainingRecord(
            kind, epoch + 1, step, lr, loss.Total, loss.Soft, loss.Background, loss.Contrast, baseAccuracy, validation,
            Of(s => s.Share(PseudoLabel.Nbg)), Of(s => s.Share(PseudoLabel.Fg)), Of(s => s.Share(PseudoLabel.Ibg)),
            OfTruth(s => s.Precision(PseudoLabel.Nbg)), OfTruth(s => s.Recall(PseudoLabel.Nbg)),
            OfTruth(s => s.Precision(PseudoLabel.Fg)), OfTruth(s => s.Recall(PseudoLabel.Fg)),
            OfTruth(s => s.Precision(PseudoLabel.Ibg)), OfTruth(s => s.Recall(PseudoLabel.Ibg)),
            Finite(videosPerSecond), Finite(videosPerSecond * segments), kind == "epoch" ? ResidentMemoryMiB() : null,
            Finite(quality?.BackgroundAuroc), Finite(quality?.DetectorAuroc),
            Finite(quality?.MeanWeight(PseudoLabel.Fg)), Finite(quality?.MeanWeight(PseudoLabel.Ibg)), Finite(quality?.MeanWeight(PseudoLabel.Nbg)));
    }

    private string EpochLine(int epoch, LossSums.Values loss, double baseAccuracy, double? validation, PseudoLabelScore score, OpenSetQuality quality)
    {
        string line = $"epoch {epoch + 1}/{train.Epochs}: loss {loss.Total:0.000} (soft-cls {loss.Soft:0.000}, bg-cls {loss.Background:0.000}, contrast {loss.Contrast:0.000}), base accuracy {baseAccuracy:P1}";
        if (validation is not null)
        {
            line += $", val {validation:P1}";
        }

        if (score.HasTruth)
        {
            line += $", NBG pseudo-label precision {score.Precision(PseudoLabel.Nbg):P0} (chance {score.Chance(PseudoLabel.Nbg):P0}) recall {score.Recall(PseudoLabel.Nbg):P0}";
            line += $", IBG precision {score.Precision(PseudoLabel.Ibg):P0} (chance {score.Chance(PseudoLabel.Ibg):P0})";
        }

        if (!double.IsNaN(quality.DetectorAuroc))
        {
            line += $", NBG AUROC p(bg) {quality.BackgroundAuroc:0.000} detector {quality.DetectorAuroc:0.000}, mean weight FG {quality.MeanWeight(PseudoLabel.Fg):0.00} NBG {quality.MeanWeight(PseudoLabel.Nbg):0.00}";
        }

        return line;
    }
}
