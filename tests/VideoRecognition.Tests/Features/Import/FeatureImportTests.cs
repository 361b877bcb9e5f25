using System.Text.Json;
using VideoRecognition.Features;
using VideoRecognition.Features.Import;
using VideoRecognition.Pipeline;
using VideoRecognition.Progress;

namespace VideoRecognition.Tests.Features.Import;

/// <summary>
/// The three published layouts, written by the libraries that write the real ones (h5py, pandas, NumPy), import
/// as the segment means of their rows; bad entries are reported by id and the rest is imported.
/// </summary>
public sealed class FeatureImportTests
{
    private static ImportSummary Import(ImportFixture fixture, string source, int trainViews = 0) =>
        ImportJob.Import(fixture.Config(source, trainViews: trainViews), SilentProgress.Instance, CancellationToken.None);

    private static string ProblemOf(ImportSummary summary, string id) =>
        Assert.Single(summary.Skipped, p => p.Id == id).Problem;

    [ProducerLibrariesFact]
    public void C3d_hdf5_written_by_h5py_imports_as_segment_means_including_fewer_rows_than_segments()
    {
        using var temp = new TempFolder();
        var fixture = new ImportFixture(temp.Path);
        double[][] a = ImportFixture.Rows(13, 6, 1), b = ImportFixture.Rows(3, 6, 2), c = ImportFixture.Rows(8, 6, 3), d = ImportFixture.Rows(40, 6, 4);
        fixture.WriteAnnotations(["aaa", "bbb", "ccc", "ddd", "missing1"]);
        string file = temp["sub_activitynet_v1-3.c3d.hdf5"];
        ProducerLibraries.Write("hdf5", new
        {
            videos = new object[]
            {
                new { name = "v_aaa", dtype = "float32", rows = a },
                new { name = "v_bbb", dtype = "float64", rows = b },
                new { name = "v_ccc", dtype = "float16", rows = c },
                new { name = "v_ddd", dtype = "float32", rows = d },
                new { name = "v_notannotated", dtype = "float32", rows = ImportFixture.Rows(9, 6, 5) },
            },
        }, file);

        ImportSummary summary = Import(fixture, file);

        Assert.Equal(FeatureFormat.C3dHdf5, summary.Format);
        using var store = FeatureStore.Open(fixture.Store);
        Assert.Equal(["aaa", "bbb", "ccc", "ddd"], store.Videos.Select(v => v.Id));
        Assert.Equal((6, 8, 1), (store.Manifest.FeatureDimension, store.Manifest.Segments, store.Manifest.Views));
        ImportFixture.AssertClose(ImportFixture.Reference(ImportFixture.AsFloat32(a)), ImportFixture.Stored(store, "aaa"), "13 rows, float32");
        ImportFixture.AssertClose(ImportFixture.Reference(b), ImportFixture.Stored(store, "bbb"), "3 rows, float64");
        ImportFixture.AssertClose(ImportFixture.Reference(ImportFixture.AsFloat16(c)), ImportFixture.Stored(store, "ccc"), "8 rows, float16");
        ImportFixture.AssertClose(ImportFixture.Reference(ImportFixture.AsFloat32(d)), ImportFixture.Stored(store, "ddd"), "40 rows, float32");
        Assert.Contains("no features", ProblemOf(summary, "missing1"), StringComparison.Ordinal);
        Assert.Contains("not in", Assert.Single(summary.NotInAnnotations, p => p.Id == "notannotated").Problem, StringComparison.Ordinal);
        Assert.Equal(4 * 8 * 6 * 2, new FileInfo(Path.Combine(fixture.Store, "features.f16")).Length);
    }

    [Fact]
    public void Segment_rows_for_13_and_3_rows_are_the_documented_ones()
    {
        // 13 rows: each row to the segment its centre falls in (row 6, centred at 6.5/13 = 4/8, opens segment 4);
        // 3 rows: each segment to the row its centre falls in.
        Assert.Equal(
            [(0, 2), (2, 3), (3, 5), (5, 6), (6, 8), (8, 10), (10, 11), (11, 13)],
            Enumerable.Range(0, 8).Select(s => SegmentRows.Of(s, 8, 13)));
        Assert.Equal([0, 0, 0, 1, 1, 2, 2, 2], Enumerable.Range(0, 8).Select(s => SegmentRows.Of(s, 8, 3).Start));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], Enumerable.Range(0, 8).Select(s => SegmentRows.Of(s, 8, 8).Start));
    }

    [ProducerLibrariesFact]
    public void Bsn_csv_written_by_pandas_imports_and_a_missing_column_or_a_nan_is_reported_by_id()
    {
        using var temp = new TempFolder();
        var fixture = new ImportFixture(temp.Path);
        double[][] good = ImportFixture.Rows(100, 400, 7), shortVideo = ImportFixture.Rows(5, 400, 8), indexed = ImportFixture.Rows(100, 400, 11);
        fixture.WriteAnnotations(["good1", "short1", "nan1", "nocolumn1", "indexed1", "inf1"]);
        string folder = temp["csv_mean_100"];
        ProducerLibraries.Write("csv", new
        {
            videos = new object[]
            {
                new { name = "v_good1", rows = good },
                new { name = "v_short1", rows = shortVideo },
                new { name = "v_nan1", rows = ImportFixture.Rows(100, 400, 9), nan_at = new[] { 42, 17 } }, // pandas writes it as an empty field
                new { name = "v_nocolumn1", rows = ImportFixture.Rows(100, 400, 10), drop_columns = new[] { "f7" } },
                new { name = "v_indexed1", rows = indexed, index = true },                  // pandas' default: its row index as the first column
                new { name = "v_inf1", rows = ImportFixture.Rows(100, 400, 12), inf_at = new[] { 8, 3 } },  // pandas writes it as -inf
            },
        }, folder);

        ImportSummary summary = Import(fixture, folder);

        Assert.Equal(FeatureFormat.BsnCsv, summary.Format);
        using var store = FeatureStore.Open(fixture.Store);
        Assert.Equal(["good1", "indexed1", "short1"], store.Videos.Select(v => v.Id));
        Assert.Equal(400, store.Manifest.FeatureDimension);
        ImportFixture.AssertClose(ImportFixture.Reference(good), ImportFixture.Stored(store, "good1"), "100 x 400");
        ImportFixture.AssertClose(ImportFixture.Reference(shortVideo), ImportFixture.Stored(store, "short1"), "5 rows");
        ImportFixture.AssertClose(ImportFixture.Reference(indexed), ImportFixture.Stored(store, "indexed1"), "index column dropped");
        Assert.Contains("row 8, column 3 is infinite", ProblemOf(summary, "inf1"), StringComparison.Ordinal);
        Assert.Contains("row 42, column 17 is NaN", ProblemOf(summary, "nan1"), StringComparison.Ordinal);
        Assert.Contains("lacks column(s) f7", ProblemOf(summary, "nocolumn1"), StringComparison.Ordinal);
    }

    [ProducerLibrariesFact]
    public void Npy_written_by_numpy_imports_float32_float16_and_fortran_order_and_reports_bad_arrays_by_id()
    {
        using var temp = new TempFolder();
        var fixture = new ImportFixture(temp.Path);
        double[][] f32 = ImportFixture.Rows(30, 16, 11), f16 = ImportFixture.Rows(21, 16, 12), fortran = ImportFixture.Rows(17, 16, 13), few = ImportFixture.Rows(2, 16, 14);
        fixture.WriteAnnotations(["f32", "f16", "fortran", "few", "flat", "narrow", "nan", "nofile", "mixed", "transposed"], twoClasses: new HashSet<string> { "mixed" });
        string folder = temp["i3d"];
        ProducerLibraries.Write("npy", new
        {
            videos = new object[]
            {
                new { name = "f32", dtype = "float32", rows = f32 },                       // <id>.npy (ActionFormer)
                new { name = "v_f16", dtype = "float16", rows = f16 },                     // v_<id>.npy, half precision
                new { name = "v_fortran", dtype = "float32", rows = fortran, fortran = true },
                new { name = "v_few", dtype = "float32", rows = few },
                new { name = "v_flat", dtype = "float32", rows = ImportFixture.Rows(4, 16, 16), reshape = new[] { 64 } },
                new { name = "v_narrow", dtype = "float32", rows = ImportFixture.Rows(10, 15, 17) },
                new { name = "v_transposed", dtype = "float32", rows = ImportFixture.Rows(16, 9, 20) },   // [D, T] saved instead of [T, D]
                new { name = "v_nan", dtype = "float32", rows = ImportFixture.Rows(12, 16, 15), nan_at = new[] { 3, 4 } },
                new { name = "v_stranger", dtype = "float32", rows = ImportFixture.Rows(10, 16, 18) },
                new { name = "v_mixed", dtype = "float32", rows = ImportFixture.Rows(10, 16, 19) },   // good features, two classes
            },
        }, folder);

        ImportSummary summary = Import(fixture, folder);

        Assert.Equal(FeatureFormat.Npy, summary.Format);
        using var store = FeatureStore.Open(fixture.Store);
        Assert.Equal(["f16", "f32", "few", "fortran"], store.Videos.Select(v => v.Id));
        ImportFixture.AssertClose(ImportFixture.Reference(ImportFixture.AsFloat32(f32)), ImportFixture.Stored(store, "f32"), "float32");
        ImportFixture.AssertClose(ImportFixture.Reference(ImportFixture.AsFloat16(f16)), ImportFixture.Stored(store, "f16"), "float16");
        ImportFixture.AssertClose(ImportFixture.Reference(ImportFixture.AsFloat32(fortran)), ImportFixture.Stored(store, "fortran"), "Fortran order");
        ImportFixture.AssertClose(ImportFixture.Reference(ImportFixture.AsFloat32(few)), ImportFixture.Stored(store, "few"), "2 rows");
        Assert.Contains("shape (64,)", ProblemOf(summary, "flat"), StringComparison.Ordinal);
        Assert.Contains("15 values per row, expected 16", ProblemOf(summary, "narrow"), StringComparison.Ordinal);
        Assert.DoesNotContain("transposed", ProblemOf(summary, "narrow"), StringComparison.Ordinal);
        Assert.Contains("the array is 16 x 9, which looks transposed", ProblemOf(summary, "transposed"), StringComparison.Ordinal);
        Assert.Contains("row 3, column 4 is NaN", ProblemOf(summary, "nan"), StringComparison.Ordinal);
        Assert.Contains("no features", ProblemOf(summary, "nofile"), StringComparison.Ordinal);
        Assert.Contains("annotated with 2 classes (class 2, class 0)", ProblemOf(summary, "mixed"), StringComparison.Ordinal);
        Assert.Equal("stranger", Assert.Single(summary.NotInAnnotations).Id);

        // The report beside the store names every one of them.
        using var report = JsonDocument.Parse(File.ReadAllText(summary.Report));
        var skipped = report.RootElement.GetProperty("skipped").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(["flat", "mixed", "nan", "narrow", "nofile", "transposed"], skipped);
        Assert.Equal("stranger", report.RootElement.GetProperty("not_in_annotations")[0].GetProperty("id").GetString());
    }

    [ProducerLibrariesFact]
    public void A_truncated_hdf5_file_reports_the_videos_past_the_cut_by_id_and_imports_the_rest()
    {
        using var temp = new TempFolder();
        var fixture = new ImportFixture(temp.Path);
        var ids = Enumerable.Range(0, 6).Select(i => $"vid{i}").ToArray();
        var rows = ids.Select((_, i) => ImportFixture.AsFloat32(ImportFixture.Rows(20 + i, 6, 20 + i))).ToArray();
        fixture.WriteAnnotations(ids);
        string file = temp["c3d.hdf5"];
        ProducerLibraries.Write("hdf5", new
        {
            videos = ids.Select((id, i) => new { name = "v_" + id, dtype = "float32", rows = rows[i] }).ToArray(),
            truncate_inside = "v_vid5", // the file ends in the middle of the last video's rows
        }, file);

        ImportSummary summary = Import(fixture, file);

        // h5py writes each dataset's rows as it is created and some object headers after them, so what survives
        // the cut is the early videos; every other one is reported by id, none is lost silently.
        using var store = FeatureStore.Open(fixture.Store);
        var imported = store.Videos.Select(v => v.Id).ToList();
        Assert.Contains("v_vid5", ProblemOf(summary, "vid5"), StringComparison.Ordinal);
        Assert.Subset(imported.ToHashSet(), new HashSet<string>(["vid0", "vid1", "vid2"]));
        Assert.Equal(ids, imported.Concat(summary.Skipped.Select(p => p.Id)).Order(StringComparer.Ordinal));
        foreach (string id in imported)
        {
            ImportFixture.AssertClose(ImportFixture.Reference(rows[Array.IndexOf(ids, id)]), ImportFixture.Stored(store, id), id);
        }
    }

    [ProducerLibrariesFact]
    public void Jittered_views_average_a_window_of_half_the_segment_rows_and_differ_from_the_test_view()
    {
        using var temp = new TempFolder();
        var fixture = new ImportFixture(temp.Path);
        double[][] rows = ImportFixture.AsFloat32(ImportFixture.Rows(64, 4, 30));
        fixture.WriteAnnotations(["jit"]);
        string folder = temp["npy"];
        ProducerLibraries.Write("npy", new { videos = new object[] { new { name = "v_jit", dtype = "float32", rows } } }, folder);

        ImportSummary summary = Import(fixture, folder, trainViews: 2);

        using var store = FeatureStore.Open(fixture.Store);
        Assert.Equal(3, store.Manifest.Views);
        int differing = 0;
        for (int view = 1; view <= 2; view++)
        {
            float[][] stored = ImportFixture.Stored(store, "jit", view);
            for (int s = 0; s < 8; s++)
            {
                // 64 rows: segment s is rows 8s..8s+7; a window of 4 of them, at some start inside the segment.
                var candidates = Enumerable.Range(8 * s, 5)
                    .Select(start => Enumerable.Range(0, 4).Select(c => rows.Skip(start).Take(4).Average(r => r[c])).ToArray())
                    .ToList();
                Assert.Contains(candidates, m => m.Select((v, c) => Math.Abs(v - stored[s][c]) <= 1e-3 * Math.Max(1, Math.Abs(v))).All(x => x));
                differing += candidates[0].Zip(ImportFixture.Stored(store, "jit", 0)[s]).Any(p => Math.Abs(p.First - p.Second) > 0.01) ? 1 : 0;
            }
        }

        Assert.True(differing > 0);
        Assert.Equal(1, summary.Imported);
    }

    [ProducerLibrariesFact]
    public void A_second_run_resumes_and_leaves_the_store_byte_for_byte_the_same()
    {
        using var temp = new TempFolder();
        var fixture = new ImportFixture(temp.Path);
        fixture.WriteAnnotations(["r1", "r2", "r3"]);
        string folder = temp["npy"];
        ProducerLibraries.Write("npy", new
        {
            videos = new[] { "r1", "r2", "r3" }.Select((id, i) => new { name = "v_" + id, dtype = "float32", rows = ImportFixture.Rows(9 + i, 5, i) }).ToArray(),
        }, folder);
        Import(fixture, folder);
        byte[] first = File.ReadAllBytes(Path.Combine(fixture.Store, "features.f16"));

        ImportSummary again = Import(fixture, folder);

        Assert.Equal(3, again.AlreadyDone);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(fixture.Store, "features.f16")));
    }
}
