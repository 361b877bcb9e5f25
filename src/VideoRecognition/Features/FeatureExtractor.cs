using System.Diagnostics;
using System.Threading.Channels;
using VideoRecognition.Backbones;
using VideoRecognition.Progress;
using VideoRecognition.Video.Transforms;
using static TorchSharp.torch;

namespace VideoRecognition.Features;

/// <summary>
/// Fills a feature store (or one shard of it) from videos: decoding workers prepare each video's views
/// while the backbone embeds the previous ones, through a bounded queue that keeps the video order, so
/// throughput approaches the slower stage and a resumed run appends exactly what an uninterrupted one would.
/// </summary>
public sealed class FeatureExtractor(SegmentViews views, IBackbone backbone, FeatureConfig config, int backboneBatchSize)
{
    /// <summary>
    /// Extracts every video not yet in the store at <paramref name="layout"/>; a video that cannot be
    /// read is recorded with its problem and the run goes on.
    /// </summary>
    public ExtractionSummary Run(
        FeatureStoreManifest manifest,
        IReadOnlyList<VideoSource> videos,
        FeatureStoreLayout layout,
        IProgressReporter progress,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var writer = FeatureStoreWriter.OpenOrResume(layout, manifest);
        var done = writer.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var todo = videos.Where(v => !done.Contains(v.Id)).ToList();
        if (done.Count > 0)
        {
            progress.Log(LogLevel.Info, $"Resuming {layout.Folder}: {done.Count} of {videos.Count} videos already extracted");
        }

        long decodeTicks = 0;
        var inference = new Stopwatch();
        int extracted = 0;
        int failed = 0;
        long segments = 0;
        using (IProgressTask task = progress.Start("Extracting features", videos.Count, "videos"))
        {
            task.Advance(done.Count);
            var queue = Channel.CreateBounded<Task<Prepared>>(new BoundedChannelOptions(config.QueueCapacity) { SingleReader = true, SingleWriter = true });
            using var workers = new SemaphoreSlim(config.DecodeWorkers);
            Task producer = Task.Run(
                async () =>
                {
                    try
                    {
                        foreach (VideoSource video in todo)
                        {
                            await workers.WaitAsync(ct);
                            Task<Prepared> prepared = Task.Run(() =>
                            {
                                try
                                {
                                    long start = Stopwatch.GetTimestamp();
                                    Prepared result = Prepare(video);
                                    Interlocked.Add(ref decodeTicks, Stopwatch.GetTimestamp() - start);
                                    return result;
                                }
                                finally
                                {
                                    workers.Release();
                                }
                            });
                            await queue.Writer.WriteAsync(prepared, ct);
                        }
                    }
                    finally
                    {
                        queue.Writer.Complete();
                    }
                },
                ct);

            int sinceSync = 0;
            foreach (Task<Prepared> next in queue.Reader.ReadAllAsync(ct).ToBlockingEnumerable(ct))
            {
                Prepared prepared = next.GetAwaiter().GetResult();
                FeatureEntry entry = Entry(prepared.Video);
                if (prepared.Batch is null)
                {
                    writer.AppendFailure(entry, prepared.Problem!);
                    progress.Log(LogLevel.Warning, $"{prepared.Video.Id}: {prepared.Problem}");
                    failed++;
                }
                else
                {
                    inference.Start();
                    float[] features = Embed(prepared.Batch, manifest);
                    inference.Stop();
                    writer.Append(entry, features);
                    extracted++;
                    segments += manifest.Segments;
                }

                if (++sinceSync >= config.SyncEvery)
                {
                    writer.Sync();
                    sinceSync = 0;
                }

                task.Advance();
            }

            producer.GetAwaiter().GetResult();
            writer.Complete();
        }

        return new ExtractionSummary(videos.Count, extracted, failed, done.Count, segments, clock.Elapsed, Stopwatch.GetElapsedTime(0, decodeTicks), inference.Elapsed);
    }

    /// <summary>Decodes one video into its views; a video that cannot be read becomes a recorded problem, not an exception.</summary>
    public Prepared Prepare(VideoSource video)
    {
        if (!video.Probe.IsReadable)
        {
            return new Prepared(video, null, string.Join("; ", video.Probe.Problems.Select(p => p.Detail)) is { Length: > 0 } why ? why : "not readable");
        }

        try
        {
            return new Prepared(video, views.Prepare(video), null);
        }
        catch (Exception e) when (e is Runtime.BadInputException or IOException or OpenCvSharp.OpenCVException)
        {
            return new Prepared(video, null, e.Message);
        }
    }

    /// <summary>The backbone features of one prepared video, averaged over each clip's frames: views x segments x D.</summary>
    public float[] Embed(FrameBatch batch, FeatureStoreManifest manifest)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor images = batch.ToTensor(backbone.Device);
        var parts = new List<Tensor>();
        for (long start = 0; start < images.shape[0]; start += backboneBatchSize)
        {
            parts.Add(backbone.Forward(images.narrow(0, start, Math.Min(backboneBatchSize, images.shape[0] - start))));
        }

        // (views * segments * clip) x D -> views x segments x D: a clip's frames are averaged, as TSN does.
        Tensor features = cat(parts, 0)
            .view(manifest.Views, manifest.Segments, -1, manifest.FeatureDimension)
            .mean([2])
            .to(float32)
            .cpu();
        return features.data<float>().ToArray();
    }

    private static FeatureEntry Entry(VideoSource video) =>
        new(video.Id, video.Label, video.Subset, video.Probe.DecodedFrames, video.Probe.Fps, video.Probe.DurationSeconds, 0, null);

    /// <summary>One video's decoded views (or why there are none).</summary>
    public sealed record Prepared(VideoSource Video, FrameBatch? Batch, string? Problem);
}
