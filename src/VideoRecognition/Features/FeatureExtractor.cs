using System.Diagnostics;
using System.Threading.Channels;
using VideoRecognition.Backbones;
using VideoRecognition.Progress;
using VideoRecognition.Video;
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
    /// <summary>Videos whose images share forward passes (features.videos_per_forward).</summary>
    public int VideosPerForward => config.VideosPerForward;

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

        var profile = new ExtractionProfile();
        int extracted = 0;
        int failed = 0;
        long segments = 0;
        using (IProgressTask task = progress.Start("Extracting features", videos.Count, "videos"))
        {
            task.Advance(done.Count);
            int perForward = Math.Max(1, config.VideosPerForward);
            // The queue must hold a whole forward pass's videos plus the ones being decoded, or the backbone waits on every group.
            int capacity = Math.Max(config.QueueCapacity, perForward + config.DecodeWorkers);
            var queue = Channel.CreateBounded<Task<Prepared>>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
            using var workers = new SemaphoreSlim(config.DecodeWorkers);
            Task producer = Task.Run(
                async () =>
                {
                    try
                    {
                        foreach (VideoSource video in todo)
                        {
                            long waited = Stopwatch.GetTimestamp();
                            await workers.WaitAsync(ct);
                            Task<Prepared> prepared = Task.Run(() =>
                            {
                                try
                                {
                                    return Prepare(video, profile);
                                }
                                finally
                                {
                                    workers.Release();
                                }
                            });
                            await queue.Writer.WriteAsync(prepared, ct);
                            profile.AddSince(ExtractionStage.WaitForQueue, waited);
                        }
                    }
                    finally
                    {
                        queue.Writer.Complete();
                    }
                },
                ct);

            int sinceSync = 0;
            var group = new List<Prepared>(perForward);
            void EmbedGroup()
            {
                if (group.Count == 0)
                {
                    return;
                }

                float[][] features = EmbedVideos(group.Select(g => g.Batch!).ToList(), manifest, profile);
                long writing = Stopwatch.GetTimestamp();
                for (int i = 0; i < group.Count; i++)
                {
                    writer.Append(Entry(group[i].Video, manifest.Segments), features[i]);
                    extracted++;
                    segments += manifest.Segments;
                    Advanced();
                }

                profile.AddSince(ExtractionStage.Write, writing);
                group.Clear();
            }

            void Advanced()
            {
                if (++sinceSync >= config.SyncEvery)
                {
                    writer.Sync();
                    sinceSync = 0;
                }

                task.Advance();
            }

            var reader = queue.Reader;
            while (true)
            {
                long waiting = Stopwatch.GetTimestamp();
                if (!reader.TryRead(out Task<Prepared>? next)
                    && !(reader.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult() && reader.TryRead(out next)))
                {
                    break;
                }

                Prepared prepared = next.GetAwaiter().GetResult();
                profile.AddSince(ExtractionStage.WaitForDecode, waiting);
                if (prepared.Batch is null)
                {
                    // Videos before the failure are written first, so the store's order is the input order.
                    EmbedGroup();
                    writer.AppendFailure(Entry(prepared.Video, manifest.Segments), prepared.Problem!);
                    progress.Log(LogLevel.Warning, $"{prepared.Video.Id}: {prepared.Problem}");
                    failed++;
                    Advanced();
                    continue;
                }

                group.Add(prepared);
                if (group.Count == perForward)
                {
                    EmbedGroup();
                }
            }

            EmbedGroup();
            producer.GetAwaiter().GetResult();
            writer.Complete();
        }

        var stages = profile.Snapshot();
        return new ExtractionSummary(
            videos.Count, extracted, failed, done.Count, segments, clock.Elapsed,
            profile.Time(ExtractionStage.Decode) + profile.Time(ExtractionStage.Transform),
            profile.Time(ExtractionStage.Assemble) + profile.Time(ExtractionStage.Forward))
        {
            Stages = stages,
        };
    }

    /// <summary>Decodes one video into its views; a video that cannot be read becomes a recorded problem, not an exception.</summary>
    public Prepared Prepare(VideoSource video, ExtractionProfile? profile = null)
    {
        if (!video.Probe.IsReadable)
        {
            return new Prepared(video, null, string.Join("; ", video.Probe.Problems.Select(p => p.Detail)) is { Length: > 0 } why ? why : "not readable");
        }

        try
        {
            return new Prepared(video, views.Prepare(video, profile), null);
        }
        catch (Exception e) when (e is Runtime.BadInputException or IOException or OpenCvSharp.OpenCVException)
        {
            return new Prepared(video, null, e.Message);
        }
    }

    /// <summary>The backbone features of one prepared video, averaged over each clip's frames: views x segments x D.</summary>
    public float[] Embed(FrameBatch batch, FeatureStoreManifest manifest) => EmbedVideos([batch], manifest, null)[0];

    /// <summary>
    /// The features of several prepared videos through shared forward passes (at most the backbone's batch
    /// size of images each), split back per video: views x segments x D each, a clip's frames averaged as TSN does.
    /// </summary>
    public float[][] EmbedVideos(IReadOnlyList<FrameBatch> batches, FeatureStoreManifest manifest, ExtractionProfile? profile)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long start = Stopwatch.GetTimestamp();
        Tensor images = FrameBatch.ToTensor(batches, backbone.Device);
        profile?.AddSince(ExtractionStage.Assemble, start);

        start = Stopwatch.GetTimestamp();
        var parts = new List<Tensor>();
        for (long first = 0; first < images.shape[0]; first += backboneBatchSize)
        {
            parts.Add(backbone.Forward(images.narrow(0, first, Math.Min(backboneBatchSize, images.shape[0] - first))));
        }

        Tensor features = cat(parts, 0)
            .view(batches.Count, manifest.Views * manifest.Segments, -1, manifest.FeatureDimension)
            .mean([2])
            .to(float32)
            .cpu()
            .contiguous();
        float[] all = features.data<float>().ToArray();
        int perVideo = manifest.Views * manifest.Segments * manifest.FeatureDimension;
        var result = new float[batches.Count][];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = all.AsSpan(i * perVideo, perVideo).ToArray();
        }

        profile?.AddSince(ExtractionStage.Forward, start);
        return result;
    }

    private static FeatureEntry Entry(VideoSource video, int segments) =>
        new(video.Id, video.Label, video.Subset, video.Probe.DecodedFrames, video.Probe.Fps, video.Probe.DurationSeconds, 0, null)
        {
            SegmentSeconds = video.Probe.FrameSeconds is null ? null : FeatureEntry.Bounds(new SegmentSampler(segments).TestFrames(video.Probe)),
        };

    /// <summary>One video's decoded views (or why there are none).</summary>
    public sealed record Prepared(VideoSource Video, FrameBatch? Batch, string? Problem);
}
