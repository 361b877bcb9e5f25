using System.Diagnostics;
using System.Numerics.Tensors;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.Features.Import;

/// <summary>
/// Fills a feature store from a published feature set, matched to an annotation file: every labelled annotated
/// video gets S segments (<see cref="SegmentRows"/>) of the set's rows, as the test view, plus
/// import.train_views temporally jittered views. A video whose features are missing, unreadable, empty, of
/// another width or not finite is recorded in the store with its reason and skipped; the import goes on. Like
/// extraction it appends in the store's global order, one video at a time, so it resumes after a kill and its
/// memory does not grow with the dataset.
/// </summary>
public sealed class FeatureImporter(ImportConfig config, int segments, int seed, int syncEvery)
{
    public const string ReportFileName = "import-report.json";

    private const int LoggedProblems = 20;

    public ImportSummary Run(ActivityNetAnnotations annotations, IFeatureSource source, FeatureStoreLayout layout, IProgressReporter progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var labelled = annotations.Videos.Where(v => v.Labels.Count > 0).ToList();
        var unlabelledIds = annotations.Videos.Where(v => v.Labels.Count == 0).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var matching = FeatureNames.Match(labelled.Select(v => v.Id), source.Names);
        var notInAnnotations = new List<ImportProblem>();
        int unlabelled = 0;
        foreach (string name in matching.Unmatched)
        {
            string id = AnnotatedVideo.StripPrefix(name);
            if (unlabelledIds.Contains(id) || unlabelledIds.Contains(name))
            {
                unlabelled++;
            }
            else
            {
                notInAnnotations.Add(new ImportProblem(id, $"{name} is in {source.Location} but not in {annotations.SourcePath}; not imported"));
            }
        }

        var ordered = Features.ShardSpec.GlobalOrder(labelled, v => v.Id).ToList();
        var shapes = ReadShapes(ordered, matching.NameById, source, progress, ct);
        int dimension = config.FeatureDimension > 0 ? config.FeatureDimension : CommonWidth(shapes.Values);
        if (dimension == 0)
        {
            string names = string.Join(", ", source.Names.Order(StringComparer.Ordinal).Take(3));
            throw new BadInputException(
                $"no labelled video of {annotations.SourcePath} ({labelled.Count} of them) has readable features in {source.Location} " +
                $"({source.Names.Count} entries{(names.Length > 0 ? $", e.g. {names}" : string.Empty)}); feature names must be v_<id> or <id> of the annotation ids");
        }

        var manifest = Manifest(source.Format, dimension);
        using var writer = FeatureStoreWriter.OpenOrResume(layout, manifest);
        var done = writer.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        if (done.Count > 0)
        {
            progress.Log(LogLevel.Info, $"Resuming {layout.Folder}: {done.Count} of {ordered.Count} videos already imported or reported");
        }

        var features = new float[manifest.FloatsPerVideo];
        var block = new float[config.BlockRows * Math.Max(dimension, shapes.Values.Where(s => s.Problem is null).Select(s => s.Dimension).DefaultIfEmpty(1).Max())];
        long rows = 0;
        int logged = 0;
        using (IProgressTask task = progress.Start("Importing features", ordered.Count, "videos"))
        {
            task.Advance(done.Count);
            int sinceSync = 0;
            foreach (AnnotatedVideo video in ordered)
            {
                ct.ThrowIfCancellationRequested();
                if (done.Contains(video.Id))
                {
                    continue;
                }

                var entry = new FeatureEntry(video.Id, video.Labels[0], video.Subset ?? "unknown", video.Frames ?? 0, video.Fps ?? 0, video.Duration, 0, null);
                Shape shape = default;
                string? problem = video.HasSeveralClasses ? video.SeveralClassesProblem
                    : shapes.TryGetValue(video.Id, out shape)
                    ? shape.Problem ?? WidthProblem(shape, dimension)
                    : $"no features in {source.Location} (looked for v_{video.Id} and {video.Id})";
                if (problem is null)
                {
                    problem = Pool(source, matching.NameById[video.Id], shape, video.Id, block, features, ct);
                }

                if (problem is null)
                {
                    writer.Append(entry, features);
                    rows += shape.Rows;
                }
                else
                {
                    writer.AppendFailure(entry, problem);
                    if (logged++ < LoggedProblems)
                    {
                        progress.Log(LogLevel.Warning, $"{video.Id}: {problem}; skipped");
                    }
                }

                if (++sinceSync >= syncEvery)
                {
                    writer.Sync();
                    sinceSync = 0;
                }

                task.Advance();
            }

            writer.Complete();
        }

        var skipped = writer.Entries.Where(e => !e.HasFeatures).Select(e => new ImportProblem(e.Id, e.Problem ?? "not imported")).ToList();
        if (skipped.Count > logged && skipped.Count > LoggedProblems)
        {
            progress.Log(LogLevel.Warning, $"... {skipped.Count} videos skipped in all; every one is listed with its reason in {Path.Combine(layout.Folder, ReportFileName)}");
        }

        var summary = new ImportSummary(
            source.Format, source.Location, layout.Folder, dimension, segments, manifest.Views, ordered.Count,
            writer.Entries.Count(e => e.HasFeatures), done.Count, rows, skipped, notInAnnotations, unlabelled, clock.Elapsed,
            Path.Combine(layout.Folder, ReportFileName));
        ImportReportJson.Write(summary, annotations.SourcePath, summary.Report);
        return summary;
    }

    /// <summary>The manifest of an imported store: what the rows were and how they were pooled, so a resume with other settings is refused.</summary>
    public FeatureStoreManifest Manifest(FeatureFormat format, int dimension) => new(
        FeatureStoreManifest.CurrentFormatVersion,
        "import:" + Configuration.ConfigKeys.FromProperty(format.ToString()),
        dimension,
        segments,
        1 + config.TrainViews,
        0,
        seed,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"mean of the rows whose centre is in the segment (T >= S) or the row at its centre (T < S); train_views={config.TrainViews} jitter_window={config.JitterWindow}"));

    private Dictionary<string, Shape> ReadShapes(IReadOnlyList<AnnotatedVideo> videos, IReadOnlyDictionary<string, string> nameById, IFeatureSource source, IProgressReporter progress, CancellationToken ct)
    {
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        using IProgressTask task = progress.Start("Reading feature headers", nameById.Count, "videos");
        foreach (AnnotatedVideo video in videos)
        {
            ct.ThrowIfCancellationRequested();
            if (!nameById.TryGetValue(video.Id, out string? name))
            {
                continue;
            }

            try
            {
                using IFeatureMatrix matrix = source.Open(name);
                shapes[video.Id] = matrix.Rows == 0 || matrix.Dimension == 0
                    ? new Shape(matrix.Rows, matrix.Dimension, $"{name}: no feature rows (shape [{matrix.Rows}, {matrix.Dimension}])")
                    : new Shape(matrix.Rows, matrix.Dimension, null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A damaged entry can fail inside the HDF5 or file reader in many ways; whichever, only this video is lost.
                shapes[video.Id] = new Shape(0, 0, Describe(name, e));
            }

            task.Advance();
        }

        return shapes;
    }

    /// <summary>The most common width among the readable videos (ties: the narrower); 0 when none is readable.</summary>
    private static int CommonWidth(IEnumerable<Shape> shapes) =>
        shapes.Where(s => s.Problem is null)
            .GroupBy(s => s.Dimension)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => g.Key)
            .FirstOrDefault();

    private string? WidthProblem(Shape shape, int dimension) =>
        shape.Dimension == dimension
            ? null
            : $"{shape.Dimension} values per row, expected {dimension} " +
              (config.FeatureDimension > 0 ? "(import.feature_dimension)" : "(the width of most videos of this feature set)") +
              $"; the array is {shape.Rows} x {shape.Dimension}" +
              (shape.Rows == dimension ? $", which looks transposed: rows must be time steps, {dimension} values each" : string.Empty);

    /// <summary>Reads one video's rows block by block into its segment means; returns why it cannot be used, or null.</summary>
    private string? Pool(IFeatureSource source, string name, Shape shape, string id, float[] block, float[] features, CancellationToken ct)
    {
        try
        {
            using IFeatureMatrix matrix = source.Open(name);
            int d = matrix.Dimension;
            var means = new SegmentMeans(matrix.Rows, segments, d, config.TrainViews, config.JitterWindow, Seed.From(seed).Derive("import.jitter:" + id).ToRandom());
            int rowsPerBlock = block.Length / d;
            for (int first = 0; first < matrix.Rows; first += rowsPerBlock)
            {
                ct.ThrowIfCancellationRequested();
                int count = Math.Min(rowsPerBlock, matrix.Rows - first);
                Span<float> rows = block.AsSpan(0, count * d);
                matrix.Read(first, rows);
                for (int r = 0; r < count; r++)
                {
                    ReadOnlySpan<float> row = rows.Slice(r * d, d);
                    // One sum per row finds any NaN or infinity (they propagate); only then is the row searched.
                    if (!float.IsFinite(TensorPrimitives.Sum(row)) && NonFinite(row) is int column)
                    {
                        return $"{name}: row {first + r}, column {column} is {(float.IsNaN(row[column]) ? "NaN" : "infinite")}";
                    }

                    means.Add(first + r, row);
                }
            }

            means.WriteTo(features);
            return TensorPrimitives.MaxMagnitude(features) > (float)Half.MaxValue
                ? $"{name}: segment means beyond the float16 range of the store (|x| > {(float)Half.MaxValue})"
                : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // As in ReadShapes: a reader failing on one entry costs only that video.
            return Describe(name, e);
        }
    }

    private static int? NonFinite(ReadOnlySpan<float> row)
    {
        for (int c = 0; c < row.Length; c++)
        {
            if (!float.IsFinite(row[c]))
            {
                return c;
            }
        }

        return null; // finite values whose sum overflowed: large, but usable
    }

    private static string Describe(string name, Exception e) =>
        e is FeatureFileException ? e.Message : $"{name}: cannot be read ({e.GetType().Name}: {e.Message})";

    private readonly record struct Shape(int Rows, int Dimension, string? Problem);
}
