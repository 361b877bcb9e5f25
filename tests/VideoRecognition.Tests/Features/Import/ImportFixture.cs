using System.Text.Json;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Features;
using VideoRecognition.Features.Import;
using VideoRecognition.Runs;

namespace VideoRecognition.Tests.Features.Import;

/// <summary>
/// Known feature rows for the import tests, an official-layout annotation file naming the videos, and the
/// reference the store must hold: segment means computed here from the rows, by mapping each row to a segment
/// (rather than each segment to rows, as the importer does).
/// </summary>
internal sealed class ImportFixture(string folder)
{
    public const int Segments = 8;

    public string Folder { get; } = folder;

    public string Annotations => Path.Combine(Folder, "annotations.json");

    public string Store => Path.Combine(Folder, "store");

    /// <summary>Rows of T x D values with three decimals, exact in the JSON spec and varied enough that wrong rows give other means.</summary>
    public static double[][] Rows(int t, int d, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, t).Select(_ => Enumerable.Range(0, d).Select(_ => Math.Round((random.NextDouble() * 8) - 4, 3)).ToArray()).ToArray();
    }

    /// <summary>
    /// Writes activity_net-style annotations: each id labelled (class by index) in the training subset; the ids in
    /// <paramref name="twoClasses"/> get a second instance of the next class.
    /// </summary>
    public void WriteAnnotations(IEnumerable<string> ids, IEnumerable<string>? unlabelled = null, IReadOnlySet<string>? twoClasses = null)
    {
        var database = new Dictionary<string, object>();
        int i = 0;
        foreach (string id in ids)
        {
            database[id] = new
            {
                subset = "training",
                duration = 100.0 + i,
                resolution = "320x240",
                url = $"https://www.youtube.com/watch?v={id}",
                annotations = twoClasses?.Contains(id) == true
                    ? new[] { new { segment = new[] { 10.0, 50.0 }, label = $"class {i % 3}" }, new { segment = new[] { 60.0, 90.0 }, label = $"class {(i++ + 1) % 3}" } }
                    : new[] { new { segment = new[] { 10.0, 50.0 }, label = $"class {i++ % 3}" } },
            };
        }

        foreach (string id in unlabelled ?? [])
        {
            database[id] = new { subset = "testing", duration = 60.0, resolution = "320x240", url = string.Empty, annotations = Array.Empty<object>() };
        }

        File.WriteAllText(Annotations, JsonSerializer.Serialize(new { version = "VERSION 1.3", database }));
    }

    public RunConfig Config(string source, FeatureFormat format = FeatureFormat.Auto, int trainViews = 0) => new RunConfig() with
    {
        Data = new DatasetConfig { Annotations = Annotations },
        Video = new RunConfig().Video with { Segments = Segments },
        Features = new FeatureConfig { Output = Store },
        Import = new ImportConfig { Source = source, Format = format, TrainViews = trainViews, BlockRows = 5 },
    };

    /// <summary>
    /// The test view the store must hold: segment s averages the rows whose centre (r + 1/2) / T lies in [s/S, (s+1)/S);
    /// when T &lt; S it takes the row containing its own centre (s + 1/2) / S.
    /// </summary>
    public static double[][] Reference(IReadOnlyList<double[]> rows)
    {
        int t = rows.Count;
        int d = rows[0].Length;
        var members = Enumerable.Range(0, Segments).Select(_ => new List<int>()).ToArray();
        if (t >= Segments)
        {
            for (int r = 0; r < t; r++)
            {
                members[(int)Math.Floor((r + 0.5) * Segments / t)].Add(r);
            }
        }
        else
        {
            for (int s = 0; s < Segments; s++)
            {
                members[s].Add((int)Math.Floor((s + 0.5) * t / Segments));
            }
        }

        return members.Select(m => Enumerable.Range(0, d).Select(c => m.Average(r => rows[r][c])).ToArray()).ToArray();
    }

    /// <summary>The store's view of one video as S x D.</summary>
    public static float[][] Stored(FeatureStore store, string id, int view = 0)
    {
        int d = store.Manifest.FeatureDimension;
        var values = new float[Segments * d];
        store.Read(store.PositionOf(id), view, values);
        return Enumerable.Range(0, Segments).Select(s => values[(s * d)..((s + 1) * d)]).ToArray();
    }

    /// <summary>Equal within float16 rounding of the store (about 5e-4 relative).</summary>
    public static void AssertClose(double[][] expected, float[][] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int s = 0; s < expected.Length; s++)
        {
            for (int c = 0; c < expected[s].Length; c++)
            {
                double tolerance = 1e-3 * Math.Max(1.0, Math.Abs(expected[s][c]));
                Assert.True(Math.Abs(expected[s][c] - actual[s][c]) <= tolerance, $"{what}: segment {s}, column {c}: expected {expected[s][c]}, stored {actual[s][c]}");
            }
        }
    }

    public static double[][] AsFloat32(double[][] rows) => rows.Select(r => r.Select(v => (double)(float)v).ToArray()).ToArray();

    public static double[][] AsFloat16(double[][] rows) => rows.Select(r => r.Select(v => (double)(Half)v).ToArray()).ToArray();
}
