using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace VideoRecognition.Features.Import;

/// <summary>
/// A folder of per-video NumPy arrays, &lt;id&gt;.npy or v_&lt;id&gt;.npy, each [T, D] little-endian float16, float32 or
/// float64, C or Fortran order (ActionFormer, OpenTAD and TSP releases). Rows are read straight from the file at
/// their offsets, a block at a time.
/// </summary>
public sealed class NpySource : IFeatureSource
{
    private readonly Dictionary<string, string> files;

    public NpySource(string folder)
    {
        Location = folder;
        files = Directory.EnumerateFiles(folder, "*.npy").ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
    }

    public FeatureFormat Format => FeatureFormat.Npy;

    public string Location { get; }

    public IReadOnlyCollection<string> Names => files.Keys;

    public IFeatureMatrix Open(string name)
    {
        string path = files[name];
        NpyHeader header;
        using (var stream = File.OpenRead(path))
        {
            header = NpyHeader.Read(stream);
        }

        if (header.ElementSize == 0)
        {
            throw new FeatureFileException($"{Path.GetFileName(path)}: dtype '{header.Descr}', expected little-endian float16, float32 or float64 ('<f2', '<f4', '<f8')");
        }

        if (header.Shape.Count != 2)
        {
            throw new FeatureFileException($"{Path.GetFileName(path)}: shape {header.ShapeText}, expected [T, D] (2 dimensions)");
        }

        if (header.Shape[0] > int.MaxValue || header.Shape[1] > int.MaxValue)
        {
            throw new FeatureFileException($"{Path.GetFileName(path)}: shape {header.ShapeText} is too large");
        }

        long needed = header.DataOffset + (header.Shape[0] * header.Shape[1] * header.ElementSize);
        long length = new FileInfo(path).Length;
        if (length < needed)
        {
            throw new FeatureFileException($"{Path.GetFileName(path)}: truncated, {length} bytes where shape {header.ShapeText} of '{header.Descr}' needs {needed}");
        }

        return new Matrix(File.OpenHandle(path), header);
    }

    public void Dispose()
    {
    }

    private sealed class Matrix(SafeFileHandle file, NpyHeader header) : IFeatureMatrix
    {
        private byte[] bytes = [];

        public int Rows => (int)header.Shape[0];

        public int Dimension => (int)header.Shape[1];

        public void Read(int firstRow, Span<float> destination)
        {
            int count = destination.Length / Dimension;
            int size = header.ElementSize;
            if (!header.FortranOrder)
            {
                // Row-major: the block is one contiguous run of bytes.
                long offset = header.DataOffset + ((long)firstRow * Dimension * size);
                Convert(ReadBytes(offset, destination.Length * size), destination);
                return;
            }

            // Column-major (np.save of a transposed array): a column's rows are contiguous, so read column by column.
            Span<float> column = count <= 4096 ? stackalloc float[count] : new float[count];
            for (int d = 0; d < Dimension; d++)
            {
                long offset = header.DataOffset + ((((long)d * Rows) + firstRow) * size);
                Convert(ReadBytes(offset, count * size), column);
                for (int r = 0; r < count; r++)
                {
                    destination[(r * Dimension) + d] = column[r];
                }
            }
        }

        public void Dispose() => file.Dispose();

        private ReadOnlySpan<byte> ReadBytes(long offset, int length)
        {
            if (bytes.Length < length)
            {
                bytes = new byte[length];
            }

            Span<byte> buffer = bytes.AsSpan(0, length);
            int read = 0;
            while (read < length)
            {
                int n = RandomAccess.Read(file, buffer[read..], offset + read);
                if (n == 0)
                {
                    throw new FeatureFileException($"the file ends inside row data (at byte {offset + read})");
                }

                read += n;
            }

            return buffer;
        }

        private void Convert(ReadOnlySpan<byte> raw, Span<float> destination)
        {
            switch (header.ElementSize)
            {
                case 2:
                    TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(raw), destination);
                    break;
                case 4:
                    MemoryMarshal.Cast<byte, float>(raw).CopyTo(destination);
                    break;
                default:
                    ReadOnlySpan<double> values = MemoryMarshal.Cast<byte, double>(raw);
                    for (int i = 0; i < values.Length; i++)
                    {
                        destination[i] = (float)values[i];
                    }

                    break;
            }
        }
    }
}
