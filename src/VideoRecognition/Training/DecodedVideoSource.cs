using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using TorchSharp.Modules;
using VideoRecognition.Backbones;
using VideoRecognition.Configuration;
using VideoRecognition.Features;
using VideoRecognition.Model;
using VideoRecognition.Runtime;
using VideoRecognition.Video.Transforms;
using static TorchSharp.torch;
using Device = TorchSharp.torch.Device;

namespace VideoRecognition.Training;

/// <summary>
/// End-to-end mode: every step decodes its videos (one random frame per segment, two augmentations of it,
/// as the feature store's training views are made) and runs the backbone with gradients, so the backbone
/// trains with the heads. Decoding runs on background workers a bounded number of steps ahead of the
/// backbone. The augmentation seed includes the epoch, so each epoch sees new views and a resumed epoch the
/// same ones.
/// </summary>
public sealed class DecodedVideoSource : ITrainingBatchSource
{
    // Two augmented views: the first feeds the classification losses (as in cached mode, a training view),
    // both form the contrastive pair.
    private const int TrainViews = 2;

    private readonly IReadOnlyList<VideoSource> videos;
    private readonly IBackbone backbone;
    private readonly TrainingSettings config;
    private readonly Seed seed;
    private readonly SegmentViews testViews;
    private readonly int decodeWorkers;
    private readonly int stepsAhead;
    private bool training = true;

    /// <summary>Trains <paramref name="backbone"/> (which must be trainable, and is disposed with the source) on <paramref name="videos"/>, described as <paramref name="description"/>.</summary>
    public DecodedVideoSource(IReadOnlyList<VideoSource> videos, IBackbone backbone, TrainingSettings config, string description)
    {
        if (!backbone.Trainable)
        {
            throw new BadInputException(
                $"train.mode end_to_end trains the backbone, and {backbone.Name} has no trainable parameter (backbone.trainable: {config.Backbone.Trainable.ToString().ToLowerInvariant()}, " +
                $"backbone.frozen_stages: {config.Backbone.FrozenStages}); set backbone.trainable: true with frozen_stages below 5, or use train.mode cached");
        }

        this.videos = videos;
        this.backbone = backbone;
        this.config = config;
        Description = description;
        seed = Seed.From(config.Seed);
        testViews = new SegmentViews(config.Video, 0, seed);
        decodeWorkers = config.Features.DecodeWorkers;
        // features.queue_capacity counts videos decoded ahead; whole steps are queued, at least one.
        stepsAhead = Math.Max(1, config.Features.QueueCapacity / config.Train.BatchSize);
        VideoIds = videos.Select(v => v.Id).ToList();
        VideoLabels = videos.Select(v => v.Label).ToList();
        backbone.SetTraining(true);
    }

    public IReadOnlyList<string> VideoIds { get; }

    public IReadOnlyList<string> VideoLabels { get; }

    public string Description { get; }

    public int Segments => config.Video.Segments;

    public int FeatureDimension => backbone.FeatureDimension;

    public string Backbone => backbone.Name;

    public TrainingMode Mode => TrainingMode.EndToEnd;

    public Device Device => backbone.Device;

    public int EvaluationBatch => Math.Max(1, config.Backbone.BatchSize / ImagesPerView);

    public IReadOnlyList<Parameter> TrainableParameters => backbone.TrainableParameters;

    public nn.Module? TrainableModule => (backbone as ResNetBackbone)?.Module;

    private int ImagesPerView => config.Video.Segments * config.Video.ClipLength;

    public IEnumerable<TrainingBatch> Epoch(int epoch, IReadOnlyList<BatchRows> steps, bool contrastive, CancellationToken ct)
    {
        var views = new SegmentViews(config.Video, TrainViews, seed.Derive("train.end_to_end.views", epoch));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var queue = Channel.CreateBounded<FrameBatch[]>(new BoundedChannelOptions(stepsAhead) { SingleReader = true, SingleWriter = true });
        Task decoder = Task.Run(
            async () =>
            {
                try
                {
                    foreach (BatchRows step in steps)
                    {
                        FrameBatch[] frames = Decode(step.Positions, views.PrepareTrainingViews, stop.Token);
                        await queue.Writer.WriteAsync(frames, stop.Token);
                    }
                }
                finally
                {
                    queue.Writer.Complete();
                }
            },
            stop.Token);

        try
        {
            foreach (BatchRows step in steps)
            {
                ct.ThrowIfCancellationRequested();
                if (!queue.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult() || !queue.Reader.TryRead(out FrameBatch[]? frames))
                {
                    decoder.GetAwaiter().GetResult(); // rethrows why the decoder stopped
                    throw new InvalidOperationException("the decoding worker stopped before the epoch's last step");
                }

                yield return Batch(frames, step, contrastive);
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                decoder.Wait(CancellationToken.None);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                // The worker was told to stop; its cancellation is not news.
            }
        }
    }

    public Tensor TestFeatures(IReadOnlyList<int> positions)
    {
        FrameBatch[] frames = Decode(positions.ToArray(), testViews.PrepareTestView, CancellationToken.None);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        backbone.SetTraining(false);
        try
        {
            Tensor images = cat(frames.Select(f => f.ToTensor()).ToList(), 0);
            var parts = new List<Tensor>();
            for (long start = 0; start < images.shape[0]; start += config.Backbone.BatchSize)
            {
                parts.Add(backbone.Forward(images.narrow(0, start, Math.Min(config.Backbone.BatchSize, images.shape[0] - start))));
            }

            return SegmentFeatures(cat(parts, 0), positions.Count, 1).select(1, 0).MoveToOuterDisposeScope();
        }
        finally
        {
            backbone.SetTraining(training);
        }
    }

    public void SetTraining(bool training)
    {
        this.training = training;
        backbone.SetTraining(training);
    }

    public void Dispose() => backbone.Dispose();

    /// <summary>The step's batch: backbone features of the first view (and of the second, for the contrastive pair), with gradients.</summary>
    private TrainingBatch Batch(FrameBatch[] frames, BatchRows step, bool contrastive)
    {
        int views = contrastive ? TrainViews : 1;
        // Only the views the step uses go through the backbone.
        Tensor images = cat(frames.Select(f => f.ToTensor().narrow(0, 0, views * ImagesPerView)).ToList(), 0);
        Tensor features = SegmentFeatures(backbone.Forward(images), frames.Length, views); // [B, views, T, D]
        Tensor labels = tensor(step.Labels.Select(l => (long)l).ToArray(), dtype: int64, device: Device);
        Tensor first = features.select(1, 0);
        return contrastive ? new TrainingBatch(first, labels, first, features.select(1, 1)) : new TrainingBatch(first, labels);
    }

    /// <summary>(videos x views x segments x clip) x D -> [videos, views, segments, D]: a clip's frames are averaged, as TSN does.</summary>
    private Tensor SegmentFeatures(Tensor perImage, int videoCount, int views) =>
        perImage.view(videoCount, views, config.Video.Segments, config.Video.ClipLength, -1).mean([3]);

    private FrameBatch[] Decode(int[] positions, Func<VideoSource, FrameBatch> prepare, CancellationToken ct)
    {
        var frames = new FrameBatch[positions.Length];
        try
        {
            Parallel.For(
                0,
                positions.Length,
                new ParallelOptions { MaxDegreeOfParallelism = decodeWorkers, CancellationToken = ct },
                i => frames[i] = DecodeOne(videos[positions[i]], prepare));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return frames;
    }

    private static FrameBatch DecodeOne(VideoSource video, Func<VideoSource, FrameBatch> prepare)
    {
        try
        {
            return prepare(video);
        }
        catch (Exception e) when (e is IOException or OpenCvSharp.OpenCVException or Video.VideoReadException)
        {
            throw new BadInputException($"video {video.Id} ({video.Probe.Path}) could not be decoded for end-to-end training: {e.Message}");
        }
    }
}
