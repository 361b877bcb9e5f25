using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
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
public sealed class Trainer(TrainingSettings settings, IProgressReporter progress)
{
    private readonly TrainingConfig train = settings.Train;
    private readonly Seed seed = TrainingSeed(settings.Seed, settings.Train.Init);

    /// <param name="source">Where the batches come from; its trainable backbone parameters are optimised with the heads.</param>
    /// <param name="data">The base-class videos of <paramref name="source"/> and their labels (the job reads the class split).</param>
    /// <param name="truth">Segment-level ground truth to score pseudo-labels and open-set quality against, or null.</param>
    /// <param name="resume">Continue from the newest checkpoint in train.output instead of starting (and refusing to overwrite) a run.</param>
    /// <param name="validate">Few-shot accuracy of the model on the val classes, or null to skip; picks the best checkpoint.</param>
    /// <param name="ct">Stops between steps; the last finished epoch's checkpoint is what --resume continues from.</param>
    public TrainingSummary Run(ITrainingBatchSource source, BaseClassSet data, SegmentTruth? truth, bool resume, Func<AnnotationEfficientModel, double?> validate, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        OutputFolder.Prepare(train.Output);
        ModelConfig modelConfig = settings.Model.Resolved();

        torch.manual_seed(unchecked((long)seed.Derive("train.init").Value));
        using var model = new AnnotationEfficientModel(source.FeatureDimension, data.Classes.Count, modelConfig);
        model.to(source.Device);
        var (optimizer, rateScales) = TrainingOptimizer.Create(train, model, source.TrainableParameters);
        var trained = model.parameters().Concat(source.TrainableParameters).ToList();
        var checkpoints = new CheckpointStore(train.Output);
        var identity = new CheckpointState(
            CheckpointState.CurrentFormatVersion, -1, 0, null, null, -1, source.FeatureDimension, data.Classes, modelConfig.ToString(), source.Backbone, source.Mode);
        (int startEpoch, long step, double? best, int bestEpoch) = Restore(resume, checkpoints, identity, model, source.TrainableModule, optimizer);
        using Tensor? prior = BaseVideoReview.NbgPrior(modelConfig, source, data);
        var run = new EpochContext(source, data, truth, model, optimizer, rateScales, trained, checkpoints, identity, prior)
        {
            Corrections = CorrectionLabels.Load(train, source, data, progress),
            Step = step,
            Best = best,
            BestEpoch = bestEpoch,
            StepsPerEpoch = (data.Positions.Count + train.BatchSize - 1) / train.BatchSize,
        };

        // The log numbers epochs from 1, so a run resumed after startEpoch finished epochs keeps lines 1..startEpoch;
        // a fresh run keeps nothing of an earlier attempt that died before its first checkpoint.
        using var log = new TrainingLog(train.Output, resume ? startEpoch : -1);
        if (startEpoch == 0 && modelConfig.UsesPseudoLabels)
        {
            // Epoch 0: what the untrained model would label, the reference the later epochs improve on.
            var untrained = BaseVideoReview.Evaluate(model, source, data, truth, -1, prior);
            log.Write(EpochRecords.Record("epoch", -1, 0, 0, new LossSums().Mean, null, null, untrained.Score, 0, source.Segments, untrained.Quality));
        }

        double baseAccuracy = double.NaN;
        using (IProgressTask task = progress.Start("Training", (long)train.Epochs * run.StepsPerEpoch, "steps"))
        {
            task.Advance((long)startEpoch * run.StepsPerEpoch);
            for (int epoch = startEpoch; epoch < train.Epochs; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                LossSums sums = TrainEpoch(run, epoch, epochClock, log, task, ct);
                baseAccuracy = EndEpoch(run, epoch, sums, epochClock, validate, log);
            }
        }

        if (double.IsNaN(baseAccuracy))
        {
            source.SetTraining(false);
            baseAccuracy = BaseVideoReview.Evaluate(model, source, data, truth, train.Epochs - 1, prior).Accuracy; // resumed with no epoch left to train
        }

        string bestCheckpoint = Directory.Exists(checkpoints.Best) ? checkpoints.Best : checkpoints.Latest()!;
        string exported = Export(model, source.TrainableModule, bestCheckpoint);
        return new TrainingSummary(
            Path.GetFullPath(train.Output), train.Epochs, run.Step, data.Positions.Count, data.Classes.Count, baseAccuracy, run.Best, run.BestEpoch + 1,
            bestCheckpoint, exported, clock.Elapsed, (double)data.Positions.Count * (train.Epochs - startEpoch) / Math.Max(1e-9, clock.Elapsed.TotalSeconds));
    }

    /// <summary>
    /// What training draws from: the run seed itself for init 0, so runs made before train.init existed are
    /// reproduced to the bit; a child of it for any other init.
    /// </summary>
    internal static Seed TrainingSeed(int runSeed, int init) =>
        init == 0 ? Seed.From(runSeed) : Seed.From(runSeed).Derive("train.replicate", init);

    /// <summary>The optimiser steps of one epoch: every base video once, in an order drawn from the seed and the epoch.</summary>
    private LossSums TrainEpoch(EpochContext run, int epoch, Stopwatch epochClock, TrainingLog log, IProgressTask task, CancellationToken ct)
    {
        ModelConfig modelConfig = run.Model.Config;
        ITrainingBatchSource source = run.Source;
        int stepsPerEpoch = run.StepsPerEpoch;
        torch.manual_seed(unchecked((long)seed.Derive("train.torch", epoch).Value));
        int[] order = Shuffle(run.Data.Positions.Count, seed.Derive("train.order", epoch).ToRandom());
        var rowsOfStep = Enumerable.Range(0, stepsPerEpoch).Select(s => order.Skip(s * train.BatchSize).Take(train.BatchSize).ToArray()).ToArray();
        var steps = rowsOfStep.Select(rows => new BatchRows(rows.Select(r => run.Data.Positions[r]).ToArray(), rows.Select(r => run.Data.Labels[r]).ToArray())).ToArray();
        bool contrastive = modelConfig.Contrastive && (epoch >= modelConfig.WarmupEpochs || modelConfig.ContrastiveDuringWarmup);
        using Tensor? epochLabels = modelConfig.PseudoLabelRefresh == PseudoLabelRefresh.EveryEpoch && epoch >= modelConfig.WarmupEpochs
            ? BaseVideoReview.EpochPseudoLabels(run.Model, source, run.Data, epoch, run.Prior)
            : null;
        var sums = new LossSums();
        run.Model.train();
        source.SetTraining(true);
        using IEnumerator<TrainingBatch> batches = source.Epoch(epoch, steps, contrastive, ct).GetEnumerator();
        for (int s = 0; s < stepsPerEpoch; s++)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            int[] rows = rowsOfStep[s];
            if (!batches.MoveNext())
            {
                throw new InvalidOperationException($"the batch source ended after {s} of {stepsPerEpoch} steps");
            }

            double lr = LearningRate.At(train, epoch, s, stepsPerEpoch);
            foreach (var (group, scale) in run.Optimizer.ParamGroups.Zip(run.RateScales))
            {
                group.LearningRate = lr * scale;
            }

            PseudoLabels? given = epochLabels is null ? null : PseudoLabels.From(epochLabels.index_select(0, tensor(rows.Select(r => (long)r).ToArray())));
            TrainingBatch batch = run.Prior is null ? batches.Current : batches.Current with { NbgPrior = run.Prior.index_select(0, tensor(rows.Select(r => (long)r).ToArray(), device: run.Prior.device)) };
            LossTerms terms = TrainingObjective.Compute(run.Model, batch, epoch, given, run.Corrections?.For(steps[s].Positions, source.Segments, source.Device));
            run.Corrections?.Count(terms.PseudoLabels);
            double loss = terms.Total.item<float>();
            if (!double.IsFinite(loss))
            {
                throw new TrainingDivergedException(
                    $"the loss became {loss} at epoch {epoch + 1}, step {run.Step + 1} (lr {lr:g3}; soft-cls {terms.SoftClassification}, bg-cls {terms.BackgroundClassification}, " +
                    $"contrast {terms.Contrast}). Last good checkpoint: {run.Checkpoints.Latest() ?? "none"}. Lower train.learning_rate or raise train.gradient_clip, then rerun with --resume.");
            }

            using (CollectionPause.Begin())
            {
                run.Optimizer.zero_grad();
                terms.Total.backward();
                if (train.GradientClip > 0)
                {
                    nn.utils.clip_grad_norm_(run.Trained, train.GradientClip);
                }

                run.Optimizer.step();
            }

            run.Step++;
            sums.Add(loss, terms);
            if (run.Step % train.LogEvery == 0)
            {
                var stepScore = new PseudoLabelScore();
                BaseVideoReview.Score(stepScore, terms.PseudoLabels, steps[s].Positions, source, run.Truth);
                log.Write(EpochRecords.Record("step", epoch, run.Step, lr, sums.Last, null, null, stepScore, rows.Length / Math.Max(1e-9, epochClock.Elapsed.TotalSeconds / (s + 1)), source.Segments));
            }

            task.Advance();
        }

        return sums;
    }

    /// <summary>After an epoch's steps: evaluate the base videos, validate, pick the best, log and checkpoint. Returns the base accuracy.</summary>
    private double EndEpoch(EpochContext run, int epoch, LossSums sums, Stopwatch epochClock, Func<AnnotationEfficientModel, double?> validate, TrainingLog log)
    {
        run.Source.SetTraining(false);
        BaseVideoEvaluation evaluation = BaseVideoReview.Evaluate(run.Model, run.Source, run.Data, run.Truth, epoch, run.Prior);
        double? validation = validate(run.Model);
        // Only epochs after the model's warm-up compete: before it the pseudo-label losses are off, so such a
        // checkpoint is not the method being trained. Ties go to the later epoch (validation often saturates).
        bool eligible = epoch >= run.Model.Config.WarmupEpochs || epoch == train.Epochs - 1;
        bool isBest = eligible && (validation is null || run.Best is null || validation >= run.Best);
        if (isBest)
        {
            run.Best = validation ?? run.Best;
            run.BestEpoch = epoch;
        }

        double videosPerSecond = run.Data.Positions.Count / Math.Max(1e-9, epochClock.Elapsed.TotalSeconds);
        (int Corrected, int Changed)? marked = run.Corrections?.TakeEpoch();
        log.Write(EpochRecords.Record("epoch", epoch, run.Step, LearningRate.At(train, epoch, run.StepsPerEpoch - 1, run.StepsPerEpoch), sums.Mean, evaluation.Accuracy, validation, evaluation.Score, videosPerSecond, run.Source.Segments, evaluation.Quality)
            with { CorrectedSegments = marked?.Corrected, CorrectionsChanged = marked?.Changed });
        if (marked is { } m)
        {
            progress.Log(LogLevel.Info, $"epoch {epoch + 1}: {m.Corrected} marked segments trained as known labels, {m.Changed} of them unlike the model's pseudo-label");
        }

        run.Checkpoints.Save(
            run.Identity with { Epoch = epoch, Step = run.Step, ValidationAccuracy = validation, BestValidationAccuracy = run.Best, BestEpoch = run.BestEpoch },
            settings.ConfigYaml, run.Model, run.Source.TrainableModule, run.Optimizer, isBest);
        progress.Log(LogLevel.Info, EpochRecords.Line(epoch, train.Epochs, sums.Mean, evaluation.Accuracy, validation, evaluation.Score, evaluation.Quality));
        return evaluation.Accuracy;
    }

    /// <summary>What the epochs of one run share: the data, the model and its optimiser, and the counters that carry over.</summary>
    private sealed record EpochContext(
        ITrainingBatchSource Source, BaseClassSet Data, SegmentTruth? Truth, AnnotationEfficientModel Model, OptimizerHelper Optimizer,
        double[] RateScales, List<Parameter> Trained, CheckpointStore Checkpoints, CheckpointState Identity, Tensor? Prior)
    {
        public required int StepsPerEpoch { get; init; }

        /// <summary>A person's marks, trained in place of the pseudo-labels of their segments (train.corrections), or null.</summary>
        public CorrectionLabels? Corrections { get; init; }

        public long Step { get; set; }

        public double? Best { get; set; }

        public int BestEpoch { get; set; }
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
    /// The final weights as a PyTorch state_dict (model.pt), taken from the best checkpoint; in end-to-end
    /// mode the trained backbone too (backbone.pt, torchvision names, loadable as backbone.weights).
    /// </summary>
    private string Export(AnnotationEfficientModel model, nn.Module? backbone, string checkpoint)
    {
        model.load(CheckpointStore.ModelFile(checkpoint));
        var layout = new RunLayout(train.Output);
        string path = layout.Model;
        string temporary = path + ".partial";
        TorchSharp.PyBridge.PyBridgeModuleExtensions.save_py(model, temporary);
        AtomicFile.Publish(temporary, path);
        if (backbone is not null)
        {
            backbone.load(CheckpointStore.BackboneFile(checkpoint));
            string backbonePath = layout.Backbone;
            TorchSharp.PyBridge.PyBridgeModuleExtensions.save_py(backbone, backbonePath + ".partial");
            AtomicFile.Publish(backbonePath + ".partial", backbonePath);
        }

        return path;
    }

    private static int[] Shuffle(int count, Random random)
    {
        int[] order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }
}
