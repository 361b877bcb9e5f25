using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text;
using PureHDF;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.Features.Import;

/// <summary>
/// Writes an ActivityNet-sized feature set in a published layout for `vrec bench import`, one video per annotated
/// video with its real length: c3d_hdf5 T = frames / 8 rows of 500 float32 (one HDF5 file, written with PureHDF);
/// bsn_csv 100 rows of 400 as pandas writes them; npy T = frames / 16 rows of 2048 float16 (the 16-frame stride
/// of I3D/TSP releases). Rows carry a class signal (the video's class direction inside its annotated segments, a
/// shared background direction elsewhere, plus noise from a fixed bank) so training on the import learns.
/// </summary>
public static class FeatureSetGenerator
{
    public sealed record Shape(int Rows, int Dimension);

    public static Shape ShapeOf(FeatureFormat format, AnnotatedVideo video)
    {
        int frames = video.Frames ?? (int)Math.Round(video.Duration * (video.Fps ?? 30.0));
        return format switch
        {
            FeatureFormat.C3dHdf5 => new Shape(Math.Max(1, frames / 8), 500),
            FeatureFormat.BsnCsv => new Shape(100, 400),
            FeatureFormat.Npy => new Shape(Math.Max(1, frames / 16), 2048),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>Writes the set to <paramref name="target"/> (a file for c3d_hdf5, else a folder); returns its size in bytes.</summary>
    public static long Write(FeatureFormat format, IReadOnlyList<AnnotatedVideo> videos, IReadOnlyList<string> classes, string target, int seed, IProgressReporter progress, CancellationToken ct)
    {
        var random = Seed.From(seed).Derive("bench.import").ToRandom();
        int dimension = ShapeOf(format, videos[0]).Dimension;
        float[][] directions = Enumerable.Range(0, classes.Count + 1).Select(_ => Vector(random, dimension, 1f)).ToArray();
        float[][] noise = Enumerable.Range(0, 256).Select(_ => Vector(random, dimension, 0.7f)).ToArray();
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);

        void Fill(AnnotatedVideo video, Shape shape, Span<float> rows)
        {
            int label = video.Labels.Count > 0 ? classIndex[video.Labels[0]] : classes.Count;
            for (int r = 0; r < shape.Rows; r++)
            {
                double time = (r + 0.5) / shape.Rows * video.Duration;
                bool action = video.Labels.Count > 0 && video.Segments.Any(s => time >= s.Start && time < s.End);
                TensorPrimitives.Add(directions[action ? label : classes.Count], noise[random.Next(noise.Length)], rows.Slice(r * shape.Dimension, shape.Dimension));
            }
        }

        using IProgressTask task = progress.Start($"Writing a {Configuration.ConfigKeys.FromProperty(format.ToString())} feature set", videos.Count, "videos");
        switch (format)
        {
            case FeatureFormat.C3dHdf5:
                {
                    var file = new H5File();
                    var datasets = new H5Dataset<float[]>[videos.Count];
                    for (int i = 0; i < videos.Count; i++)
                    {
                        Shape shape = ShapeOf(format, videos[i]);
                        datasets[i] = new H5Dataset<float[]>(fileDims: [(ulong)shape.Rows, (ulong)shape.Dimension]);
                        file[AnnotatedVideo.ProposalIdPrefix + videos[i].Id] = new H5Group { ["c3d_features"] = datasets[i] };
                    }

                    using (H5NativeWriter writer = file.BeginWrite(target))
                    {
                        for (int i = 0; i < videos.Count; i++)
                        {
                            ct.ThrowIfCancellationRequested();
                            Shape shape = ShapeOf(format, videos[i]);
                            var rows = new float[shape.Rows * shape.Dimension];
                            Fill(videos[i], shape, rows);
                            writer.Write(datasets[i], rows);
                            task.Advance();
                        }
                    }

                    return new FileInfo(target).Length;
                }

            case FeatureFormat.BsnCsv:
                {
                    Directory.CreateDirectory(target);
                    string header = string.Join(',', Enumerable.Range(0, dimension).Select(i => $"f{i}"));
                    var rows = new float[100 * dimension];
                    var line = new StringBuilder(dimension * 12);
                    long bytes = 0;
                    foreach (AnnotatedVideo video in videos)
                    {
                        ct.ThrowIfCancellationRequested();
                        Shape shape = ShapeOf(format, video);
                        Fill(video, shape, rows);
                        string path = Path.Combine(target, $"{AnnotatedVideo.ProposalIdPrefix}{video.Id}.csv");
                        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
                        {
                            writer.Write(header);
                            writer.Write('\n');
                            for (int r = 0; r < shape.Rows; r++)
                            {
                                line.Clear();
                                for (int c = 0; c < dimension; c++)
                                {
                                    line.Append(c == 0 ? string.Empty : ",").Append(rows[(r * dimension) + c].ToString("R", CultureInfo.InvariantCulture));
                                }

                                writer.Write(line);
                                writer.Write('\n');
                            }
                        }

                        bytes += new FileInfo(path).Length;
                        task.Advance();
                    }

                    return bytes;
                }

            default:
                {
                    Directory.CreateDirectory(target);
                    long bytes = 0;
                    foreach (AnnotatedVideo video in videos)
                    {
                        ct.ThrowIfCancellationRequested();
                        Shape shape = ShapeOf(format, video);
                        var rows = new float[shape.Rows * shape.Dimension];
                        Fill(video, shape, rows);
                        var halves = new Half[rows.Length];
                        TensorPrimitives.ConvertToHalf(rows, halves);
                        string path = Path.Combine(target, $"{AnnotatedVideo.ProposalIdPrefix}{video.Id}.npy");
                        using (var stream = File.Create(path))
                        {
                            // The documented .npy 1.0 layout: magic, version, header length, dict padded to 64 bytes with '\n'.
                            string dict = $"{{'descr': '<f2', 'fortran_order': False, 'shape': ({shape.Rows}, {shape.Dimension}), }}";
                            int padded = ((10 + dict.Length + 1 + 63) / 64 * 64) - 10;
                            stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)(padded & 0xFF), (byte)(padded >> 8)]);
                            stream.Write(Encoding.ASCII.GetBytes(dict.PadRight(padded - 1) + "\n"));
                            stream.Write(MemoryMarshal.AsBytes(halves.AsSpan()));
                        }

                        bytes += new FileInfo(path).Length;
                        task.Advance();
                    }

                    return bytes;
                }
        }
    }

    private static float[] Vector(Random random, int dimension, float scale) =>
        Enumerable.Range(0, dimension).Select(_ => (float)((random.NextDouble() * 2) - 1) * scale).ToArray();
}
