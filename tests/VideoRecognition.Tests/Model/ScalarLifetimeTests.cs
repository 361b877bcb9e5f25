using TorchSharp;
using VideoRecognition.Model;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Model;

/// <summary>
/// A TorchSharp scalar made implicitly from a double is an unrooted native object; if the garbage collector
/// finalises it while libtorch reads it, the call fails ("Scalar.h ... toFloat: Expected false to be true",
/// seen once in a 15-epoch run). Here the collector runs without pause on another thread while the training
/// step (every loss term, pseudo-labels, self-weighting, the contrastive views) and inference repeat, so a
/// scalar left unrooted during a call has many chances to be finalised in the middle of it. The optimizer step
/// is TorchSharp's own code, which makes its scalars implicitly; the trainer holds collections off around it
/// (CollectionPause), so the collector thread here waits for it too and the test judges only our code.
/// </summary>
[Collection(TorchGlobalRandomCollection.Name)]
public sealed class ScalarLifetimeTests
{
    private const int B = 8, T = 8, D = 24, C = 4;

    [Fact(Timeout = 900_000)]
    public async Task Training_steps_survive_a_garbage_collector_that_never_rests()
    {
        await Task.Yield();
        manual_seed(3);
        var config = new ModelConfig { EmbeddingDim = 16, HiddenDim = 32, ProjectionDim = 8, WarmupEpochs = 0, OpenSetBootstrapEpochs = 1, ViewNoise = 0.1, UnseenClassNotBackground = true };
        using var model = new AnnotationEfficientModel(D, C, config);
        var optimizer = optim.AdamW(model.parameters(), 1e-3);
        using var stop = new CancellationTokenSource();
        long collections = 0;
        var optimizerStep = new object();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                lock (optimizerStep)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                }

                Interlocked.Increment(ref collections);
            }
        }) { IsBackground = true };
        collector.Start();

        var losses = new List<double>();
        try
        {
            for (int step = 0; step < 300; step++)
            {
                using var scope = NewDisposeScope();
                Tensor x = randn(B, T, D);
                using Scalar spread = 0.1.ToScalar();
                var batch = new TrainingBatch(x, randint(0, C, [B]), x.add(randn(B, T, D), spread), x.add(randn(B, T, D), spread));
                LossTerms terms = TrainingObjective.Compute(model, batch, epoch: step % 2); // both kinds of detector evidence
                lock (optimizerStep)
                {
                    optimizer.zero_grad();
                    terms.Total.backward();
                    optimizer.step();
                }

                losses.Add(terms.Total.item<float>());
                model.AssignPseudoLabels(x, batch.Labels, epoch: 1);
                model.Infer(x);
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }

        Assert.Equal(300, losses.Count);
        Assert.All(losses, loss => Assert.True(double.IsFinite(loss)));
        Assert.True(Interlocked.Read(ref collections) > 10, $"only {collections} collections ran alongside 300 steps");
    }
}
