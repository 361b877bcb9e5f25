using VideoRecognition.Runs;
using VideoRecognition.Backbones;
using VideoRecognition.Configuration;
using VideoRecognition.Features;
using VideoRecognition.FewShot;
using VideoRecognition.Model;
using VideoRecognition.Progress;
using VideoRecognition.Recognition;
using VideoRecognition.Reports;
using VideoRecognition.Runtime;
using VideoRecognition.Training;
using VideoRecognition.Video;
using static TorchSharp.torch;

namespace VideoRecognition.Pipeline;

/// <summary>
/// `vrec recognise`: a trained checkpoint, a support set of a few labelled videos per novel class and some
/// query videos in; per query the ranked support classes, an open-set "none of these" answer and the action
/// spans in seconds out, as recognition.json, the ActivityNet classification and detection result files and an
/// HTML report. Videos are decoded and embedded exactly as `vrec extract` would (the checkpoint's own video
/// and backbone settings, test-time view), with probes and features cached in recognise.cache.
/// </summary>
public static class RecognitionJob
{
    public const string ResultFile = "recognition.json";

    public static RecognitionResult Recognise(RunConfig config, string checkpoint, string supportPath, string queriesPath, string output, IProgressReporter progress, CancellationToken ct)
    {
        if (!Directory.Exists(checkpoint) || !File.Exists(CheckpointStore.ConfigFile(checkpoint)))
        {
            throw new BadInputException($"checkpoint folder '{checkpoint}' does not exist or holds no config.yaml; give one such as runs/train/checkpoints/best");
        }

        IReadOnlyList<LabelledVideo> supportList = VideoListFile.Read(supportPath, classRequired: true);
        IReadOnlyList<LabelledVideo> queryList = VideoListFile.Read(queriesPath, classRequired: false);
        RunConfig trainedWith = RunConfigFile.Load(CheckpointStore.ConfigFile(checkpoint)) with { Device = config.Device };
        RunConfig extraction = trainedWith with { Features = trainedWith.Features with { TrainViews = 0 } };
        using IBackbone backbone = ExtractionJob.CreateBackbone(extraction);
        FeatureStoreManifest manifest = FeatureStoreManifest.Of(backbone, extraction.Video, extraction.Features.TrainViews, extraction.Seed);
        using TrainedModel trained = TrainedModel.Load(checkpoint, manifest, config.Device, RunConfigFile.ModelConfigOf);
        string folder = OutputFolder.Prepare(output);

        var views = new SegmentViews(extraction.Video, 0, Seed.From(extraction.Seed));
        var extractor = new FeatureExtractor(views, backbone, extraction.Features, extraction.Backbone.BatchSize);
        var features = new VideoFeatures(
            extractor, manifest, new ProbeCache(Path.Combine(config.Recognise.Cache, "probes.jsonl")), new SegmentFeatureCache(config.Recognise.Cache, manifest), config.Video.MaxFramePixels);
        var (support, badSupport) = features.Extract(supportList, "support", progress, ct);
        var (queries, badQueries) = features.Extract(queryList, "query", progress, ct);
        if (support.Count == 0)
        {
            throw new BadInputException($"{supportPath}: none of the {supportList.Count} support videos could be used ({badSupport[0].Video.Path}: {badSupport[0].Problem})");
        }

        if (queries.Count == 0)
        {
            throw new BadInputException($"{queriesPath}: none of the {queryList.Count} query videos could be used ({badQueries[0].Video.Path}: {badQueries[0].Problem})");
        }

        foreach (string lost in supportList.Select(v => v.Class!).Distinct().Except(support.Select(v => v.Video.Class!)))
        {
            progress.Log(LogLevel.Warning, $"class '{lost}' has no usable support video and is left out");
        }

        var device = BackboneFactory.ToTorch(config.Device);
        var supportEmbedded = support.Select(v => Embed(trained.Model, v, manifest, device)).ToList();
        var recogniser = new OpenSetRecogniser(supportEmbedded.Select(e => (e.Embedding, e.Source.Video.Spans)).ToList());
        var (threshold, rule) = Threshold(config.Recognise, recogniser, progress);

        var recognised = new List<RecognisedQuery>();
        foreach (ExtractedVideo query in queries)
        {
            ct.ThrowIfCancellationRequested();
            var embedded = Embed(trained.Model, query, manifest, device);
            QueryRecognition answer = recogniser.Recognise(embedded.Embedding, embedded.Background, threshold, config.Eval.LocalisationThreshold, config.Recognise.TopClasses);
            recognised.Add(new RecognisedQuery(query, answer, embedded.Embedding.SegmentStarts, embedded.Embedding.SegmentEnds, embedded.Embedding.Weights, embedded.BackgroundProbability));
        }

        RecognitionScore? score = RecognitionScore.Of(recogniser.Classes, recognised);
        var result = new RecognitionResult(
            Path.GetFullPath(checkpoint), recogniser.Classes, support, threshold, rule, recognised, [.. badSupport, .. badQueries], score, folder, "");
        RecognitionJson.Write(Path.Combine(folder, ResultFile), result);
        // The official files key a video by its bare id; query files named the proposal way (v_<id>.mp4) lose the v_, as the annotation reader does.
        var predictions = recognised.Select(q => new QueryVideoPrediction(
            Datasets.ActivityNet.AnnotatedVideo.StripPrefix(q.Recognition.Id),
            1,
            q.Recognition.Ranked,
            q.Recognition.NoneOfThese ? [] : q.Recognition.Spans.Select(s => new DetectedAction(q.Recognition.Predicted!, s.Score, s.Span)).ToList())).ToList();
        var external = new ActivityNetResultJson.ExternalData(true, $"backbone {trainedWith.Backbone.Architecture} ({trainedWith.Backbone.Weights}); few-shot support set {Path.GetFullPath(supportPath)}");
        ActivityNetResultJson.WriteClassification(Path.Combine(folder, "results-classification.json"), ActivityNetResultJson.CurrentVersion, predictions, external);
        ActivityNetResultJson.WriteDetection(Path.Combine(folder, "results-detection.json"), ActivityNetResultJson.CurrentVersion, predictions, external);
        string index = RecognitionReport.Write(Path.Combine(folder, "report"), result, supportEmbedded.ToDictionary(e => e.Source.Video.Id, e => e.Embedding.Weights, StringComparer.Ordinal), progress, ct);
        return result with { ReportIndex = index };
    }

    private static (double Threshold, string Rule) Threshold(RecognitionConfig config, OpenSetRecogniser recogniser, IProgressReporter progress)
    {
        if (config.OpenSet == OpenSetRule.Fixed)
        {
            return (config.OpenSetThreshold, "fixed (recognise.open_set_threshold)");
        }

        if (recogniser.LeaveOneOutThreshold() is double chosen)
        {
            return (chosen, "leave-one-out on the support set");
        }

        progress.Log(LogLevel.Warning, $"the support set cannot choose an open-set threshold by leave-one-out (it needs two classes and two videos in some class); using recognise.open_set_threshold {config.OpenSetThreshold}");
        return (config.OpenSetThreshold, "fixed (leave-one-out impossible on this support set)");
    }

    /// <summary>One video through the trained model: z_t, w_t, v, and the open-set detector's decision per segment.</summary>
    private static EmbeddedVideo Embed(AnnotationEfficientModel model, ExtractedVideo video, FeatureStoreManifest manifest, TorchSharp.torch.Device device)
    {
        using var scope = NewDisposeScope();
        int segments = manifest.Segments;
        int dimension = manifest.FeatureDimension;
        VideoEmbeddings inferred = model.Infer(tensor(video.Features, [1, segments, dimension], device: device));
        int e = (int)inferred.Video.shape[1];
        float[] z = inferred.Embeddings.cpu().data<float>().ToArray();
        float[] w = inferred.Weights.cpu().data<float>().ToArray();
        float[] v = inferred.Video.cpu().data<float>().ToArray();
        Tensor logits = inferred.Probabilities.clamp_min(Scalars.Tiny).log();
        OpenSetScore kind = OpenSetDetector.ScoreAt(model.Config, int.MaxValue);
        Tensor detector = OpenSetDetector.Score(logits, model.ClassCount, model.Config, kind);
        double threshold = OpenSetDetector.Threshold(model.Config, kind, detector);
        bool[] background = detector[0].cpu().data<float>().ToArray().Select(s => s >= threshold).ToArray();
        float[]? pBackground = model.BackgroundIndex is null ? null : OpenSetDetector.Background(logits, model.ClassCount)[0].cpu().data<float>().ToArray();
        var sampled = new SegmentSampler(segments).TestFrames(video.Probe);
        var embedding = new VideoEmbedding(
            video.Video.Id,
            video.Video.Class ?? "",
            v,
            Enumerable.Range(0, segments).Select(t => z[(t * e)..((t + 1) * e)]).ToArray(),
            w,
            sampled.Select(s => s.StartSeconds).ToArray(),
            sampled.Select(s => s.EndSeconds).ToArray());
        return new EmbeddedVideo(video, embedding, background, pBackground);
    }

    private sealed record EmbeddedVideo(ExtractedVideo Source, VideoEmbedding Embedding, bool[] Background, float[]? BackgroundProbability);
}
