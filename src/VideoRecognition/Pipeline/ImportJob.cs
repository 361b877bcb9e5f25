using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.Features.Import;
using VideoRecognition.Progress;
using VideoRecognition.Runs;

namespace VideoRecognition.Pipeline;

/// <summary>
/// `vrec import-features`: a published ActivityNet feature set (import.source) into the feature store at
/// features.output, matched to the annotations at data.annotations; `train`, `eval` and `inspect` then read
/// it as they read an extracted store.
/// </summary>
public static class ImportJob
{
    public static ImportSummary Import(RunConfig config, IProgressReporter progress, CancellationToken ct) =>
        Import(config, DatasetAnnotations.Read(config.Data, progress), progress, ct);

    /// <summary>Against annotations already read (the benchmark's subset of them).</summary>
    public static ImportSummary Import(RunConfig config, Datasets.ActivityNet.ActivityNetAnnotations annotations, IProgressReporter progress, CancellationToken ct)
    {
        using IFeatureSource source = FeatureSet.Open(config.Import);
        progress.Log(LogLevel.Info, $"{source.Location}: {source.Names.Count} feature entries ({ConfigKeys.FromProperty(source.Format.ToString())})");
        var importer = new FeatureImporter(config.Import, config.Video.Segments, config.Seed, config.Features.SyncEvery);
        return importer.Run(annotations, source, new FeatureStoreLayout(config.Features.Output), progress, ct);
    }
}
