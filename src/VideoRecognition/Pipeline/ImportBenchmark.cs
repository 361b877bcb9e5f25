using System.Diagnostics;
using System.Globalization;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.Features.Import;
using VideoRecognition.Progress;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using static System.FormattableString;

namespace VideoRecognition.Pipeline;

/// <summary>What `vrec bench import` measured for one format.</summary>
public sealed record ImportBenchmarkResult(
    string Format,
    int Videos,
    long Rows,
    int Dimension,
    double SourceGiB,
    double GenerateSeconds,
    double ImportSeconds,
    int Imported,
    double StoreMiB,
    double PeakResidentMiB,
    IReadOnlyList<double> ResidentMiBPerTenth,
    double TrainEpochSeconds,
    int TrainVideos,
    double EpisodesSeconds,
    int Episodes,
    double Accuracy)
{
    public double VideosPerSecond => Imported / Math.Max(ImportSeconds, 1e-9);

    public double SourceMiBPerSecond => SourceGiB * 1024 / Math.Max(ImportSeconds, 1e-9);
}

/// <summary>
/// `vrec bench import`: an ActivityNet-sized feature set in one published layout (every video of the annotation file,
/// its real length; <see cref="FeatureSetGenerator"/>), imported into a store while resident memory is read at every
/// tenth of the videos; then one epoch of the full method on the store's base classes and 5-way 5-shot episodes over
/// its novel classes, through the same jobs `vrec train` and `vrec eval` run.
/// </summary>
public static class ImportBenchmark
{
    /// <summary>Measures, then writes bench-import-&lt;format&gt;.json into the folder.</summary>
    public static BenchmarkReport<ImportBenchmarkResult> Run(RunConfig config, FeatureFormat format, int count, int episodes, string folder, IProgressReporter progress, CancellationToken ct) =>
        Report(Measure(config, format, count, episodes, folder, progress, ct), MachineDescription.Current(), folder);

    public static BenchmarkReport<ImportBenchmarkResult> Report(ImportBenchmarkResult result, MachineDescription machine, string folder)
    {
        string perTenth = string.Join(", ", result.ResidentMiBPerTenth.Select(m => m.ToString("0", CultureInfo.InvariantCulture)));
        var table = new BenchmarkTable(
            Invariant($"Import of {result.Videos:N0} videos ({result.Format}, {result.Rows:N0} rows x {result.Dimension}) and what follows"),
            new StudyTable.Grid(["", ""],
            [
                ["feature set", Invariant($"{result.SourceGiB:0.00} GiB") + (result.GenerateSeconds > 0 ? Invariant($", generated in {result.GenerateSeconds:0} s") : ", reused")],
                ["import", Invariant($"{result.ImportSeconds:0.0} s ({result.ImportSeconds / 60:0.0} min): {result.VideosPerSecond:0} videos/s, {result.SourceMiBPerSecond:0} MiB/s; {result.Imported:N0} imported")],
                ["store", Invariant($"{result.StoreMiB:0} MiB")],
                ["resident memory", Invariant($"peak {result.PeakResidentMiB:0} MiB; at each tenth of the videos: {perTenth} MiB")],
                ["one training epoch", Invariant($"{result.TrainEpochSeconds:0.0} s on {result.TrainVideos:N0} base-class videos (every loss on, contrastive views from the test view)")],
                ["episodes", Invariant($"{result.Episodes:N0} 5-way 5-shot in {result.EpisodesSeconds:0.0} s, including embedding, localisation and the ActivityNet files (accuracy {100 * result.Accuracy:0.00} %)")],
            ]));
        string json = BenchmarkJson.Write(folder, $"bench-import-{result.Format}.json", new { machine, result });
        return new BenchmarkReport<ImportBenchmarkResult>(result, machine, json, [table], [$"machine: {machine}"]);
    }

    private static ImportBenchmarkResult Measure(RunConfig config, FeatureFormat format, int count, int episodes, string folder, IProgressReporter progress, CancellationToken ct)
    {
        var annotations = DatasetAnnotations.Read(config.Data, progress);
        var videos = annotations.Videos.Take(count).ToList();
        string name = ConfigKeys.FromProperty(format.ToString());
        string source = Path.Combine(folder, format == FeatureFormat.C3dHdf5 ? "sub_activitynet_v1-3.c3d.hdf5" : name);
        string marker = Path.Combine(folder, $"{name}.generated");
        string identity = $"{videos.Count} videos of {annotations.SourcePath}, seed {config.Seed}";
        var clock = Stopwatch.StartNew();
        double generate = 0;
        if (!File.Exists(marker) || File.ReadAllText(marker) != identity)
        {
            File.Delete(marker);
            FeatureSetGenerator.Write(format, videos, annotations.Classes, source, config.Seed, progress, ct);
            AtomicFile.WriteAllText(marker, identity);
            generate = clock.Elapsed.TotalSeconds;
        }
        else
        {
            progress.Log(LogLevel.Info, $"Reusing the generated {source} ({identity})");
        }

        long sourceBytes = File.Exists(source) ? new FileInfo(source).Length : Directory.EnumerateFiles(source).Sum(f => new FileInfo(f).Length);
        long rows = videos.Sum(v => (long)FeatureSetGenerator.ShapeOf(format, v).Rows);
        string store = Path.Combine(folder, $"store-{name}");
        if (Directory.Exists(store))
        {
            Directory.Delete(store, recursive: true);
        }

        var run = config with
        {
            Features = config.Features with { Output = store },
            Import = config.Import with { Source = source, Format = format, FeatureDimension = 0 },
        };

        // Drop what generation left on the heap, so the import's memory is its own.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var memory = new ResidentMemory(progress);
        clock.Restart();
        ImportSummary summary = ImportJob.Import(run, annotations with { Videos = videos }, memory, ct);
        double import = clock.Elapsed.TotalSeconds;
        double storeMiB = Directory.EnumerateFiles(store).Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);

        var train = run with
        {
            Model = run.Model with { WarmupEpochs = 0, Contrastive = true }, // the one timed epoch runs every loss of the method
            Train = run.Train with { Output = Path.Combine(folder, $"run-{name}"), Epochs = 1, ValidationEpisodes = 0, WarmupEpochs = 0 },
        };
        if (Directory.Exists(train.Train.Output))
        {
            Directory.Delete(train.Train.Output, recursive: true);
        }

        clock.Restart();
        var trained = TrainingJob.Train(train, resume: false, progress, ct);
        double epoch = clock.Elapsed.TotalSeconds;

        var evaluate = train with { Eval = train.Eval with { Way = 5, Shot = 5, Query = 5, Episodes = episodes } };
        clock.Restart();
        var outcome = EvaluationJob.Evaluate(evaluate, [trained.BestCheckpoint], null, Path.Combine(folder, $"eval-{name}"), progress, ct);
        double evaluation = clock.Elapsed.TotalSeconds;

        return new ImportBenchmarkResult(
            name, videos.Count, rows, summary.FeatureDimension, sourceBytes / (1024.0 * 1024 * 1024), generate, import, summary.Imported, storeMiB,
            memory.Peak, memory.PerTenth, epoch, trained.Videos, evaluation, outcome.Result.Episodes, outcome.Result.Models[0].Accuracy.Mean);
    }

    /// <summary>Passes progress on and reads the process's resident memory each time another tenth of the videos is imported.</summary>
    private sealed class ResidentMemory(IProgressReporter inner) : IProgressReporter
    {
        private readonly List<double> perTenth = [];
        private long videos = 1;

        public IReadOnlyList<double> PerTenth => perTenth;

        public double Peak { get; private set; }

        public IProgressTask Start(string description, long total, string unit)
        {
            if (!description.StartsWith("Importing", StringComparison.Ordinal))
            {
                return inner.Start(description, total, unit);
            }

            videos = Math.Max(1, total); // the labelled videos, which the import walks
            return new Task(this, inner.Start(description, total, unit));
        }

        public void Log(LogLevel level, string message) => inner.Log(level, message);

        private void Sample(long done)
        {
            // Reading /proc costs tens of microseconds: every 256 videos and at each tenth is enough for a peak.
            bool tenth = perTenth.Count < 10 && done * 10 >= (long)(perTenth.Count + 1) * videos;
            if (!tenth && done % 256 != 0)
            {
                return;
            }

            double mib = Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024.0);
            Peak = Math.Max(Peak, mib);
            while (perTenth.Count < 10 && done * 10 >= (long)(perTenth.Count + 1) * videos)
            {
                perTenth.Add(mib);
            }
        }

        private sealed class Task(ResidentMemory owner, IProgressTask inner) : IProgressTask
        {
            private long done;

            public void Advance(long count = 1)
            {
                inner.Advance(count);
                done += count;
                owner.Sample(done);
            }

            public void Dispose() => inner.Dispose();
        }
    }
}
