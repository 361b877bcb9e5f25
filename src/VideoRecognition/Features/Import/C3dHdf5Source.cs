using System.Numerics.Tensors;
using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;
using VideoRecognition.Runtime;

namespace VideoRecognition.Features.Import;

/// <summary>
/// The official ActivityNet challenge C3D features (sub_activitynet_v1-3.c3d.hdf5): one group per video named
/// v_&lt;id&gt;, holding a dataset (c3d_features) of shape [T, 500], one row per 8 frames. Read with PureHDF; each
/// video's rows are read a block at a time through a hyperslab selection, so memory stays flat however large
/// the file (the v1.3 file is several GB).
/// </summary>
public sealed class C3dHdf5Source : IFeatureSource
{
    private readonly NativeFile file;
    private readonly string dataset;

    public C3dHdf5Source(string path, string dataset)
    {
        Location = path;
        this.dataset = dataset;
        try
        {
            file = H5File.OpenRead(path);
            Names = file.Children().OfType<IH5Group>().Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // PureHDF signals a damaged file with many exception types (end of stream, format, index, ...): any of
            // them here means the file's root cannot be read, so no video can be.
            file?.Dispose();
            throw new BadInputException($"{path}: cannot be read as an HDF5 file of C3D features ({e.GetType().Name}: {e.Message}); is it truncated or another format? (import.source, import.format)", e);
        }
    }

    public FeatureFormat Format => FeatureFormat.C3dHdf5;

    public string Location { get; }

    public IReadOnlyCollection<string> Names { get; }

    public IFeatureMatrix Open(string name)
    {
        IH5Group group = file.Group(name);
        if (!group.LinkExists(dataset))
        {
            string present = string.Join(", ", group.Children().Select(c => c.Name).Take(5));
            throw new FeatureFileException($"group {name} has no dataset '{dataset}' (it has: {(present.Length == 0 ? "nothing" : present)}; import.dataset)");
        }

        var data = (NativeDataset)group.Dataset(dataset);
        ulong[] shape = data.Space.Dimensions;
        string shapeText = "(" + string.Join(", ", shape) + ")";
        if (shape.Length != 2)
        {
            throw new FeatureFileException($"{name}/{dataset}: shape {shapeText}, expected [T, D] (2 dimensions)");
        }

        if (data.Type.Class != H5DataTypeClass.FloatingPoint || data.Type.Size is not (2 or 4 or 8))
        {
            throw new FeatureFileException($"{name}/{dataset}: element type {data.Type.Class} of {data.Type.Size} bytes, expected float16, float32 or float64");
        }

        if (shape[0] > int.MaxValue || shape[1] > int.MaxValue)
        {
            throw new FeatureFileException($"{name}/{dataset}: shape {shapeText} is too large");
        }

        return new Matrix(data, (int)shape[0], (int)shape[1]);
    }

    public void Dispose() => file.Dispose();

    private sealed class Matrix(NativeDataset data, int rows, int dimension) : IFeatureMatrix
    {
        private double[] doubles = [];
        private Half[] halves = [];

        public int Rows => rows;

        public int Dimension => dimension;

        public void Read(int firstRow, Span<float> destination)
        {
            int count = destination.Length / dimension;
            var selection = new HyperslabSelection(rank: 2, starts: [(ulong)firstRow, 0], blocks: [(ulong)count, (ulong)dimension]);
            ulong[] memoryDims = [(ulong)count, (ulong)dimension];
            switch (data.Type.Size)
            {
                case 4:
                    data.Read(destination, selection, memoryDims: memoryDims);
                    break;
                case 8:
                    if (doubles.Length < destination.Length)
                    {
                        doubles = new double[destination.Length];
                    }

                    Span<double> wide = doubles.AsSpan(0, destination.Length);
                    data.Read(wide, selection, memoryDims: memoryDims);
                    for (int i = 0; i < wide.Length; i++)
                    {
                        destination[i] = (float)wide[i];
                    }

                    break;
                default:
                    if (halves.Length < destination.Length)
                    {
                        halves = new Half[destination.Length];
                    }

                    Span<Half> narrow = halves.AsSpan(0, destination.Length);
                    data.Read(narrow, selection, memoryDims: memoryDims);
                    TensorPrimitives.ConvertToSingle(narrow, destination);
                    break;
            }
        }

        public void Dispose()
        {
        }
    }
}
