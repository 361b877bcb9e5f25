using VideoRecognition.Runtime;

namespace VideoRecognition.Features.Import;

/// <summary>Opens import.source in its format, deciding the format from the source when it is auto.</summary>
public static class FeatureSet
{
    public static IFeatureSource Open(ImportConfig config)
    {
        string source = config.Source;
        if (source.Length == 0)
        {
            throw new BadInputException("import.source is not set: give the C3D HDF5 file or the folder of .csv / .npy features (--from PATH)");
        }

        bool isFile = File.Exists(source);
        bool isFolder = Directory.Exists(source);
        if (!isFile && !isFolder)
        {
            throw new BadInputException($"import.source '{source}' does not exist");
        }

        FeatureFormat format = config.Format == FeatureFormat.Auto ? Detect(source, isFile) : config.Format;
        return format switch
        {
            FeatureFormat.C3dHdf5 when isFile => new C3dHdf5Source(source, config.Dataset),
            FeatureFormat.BsnCsv when isFolder => new BsnCsvSource(source),
            FeatureFormat.Npy when isFolder => new NpySource(source),
            FeatureFormat.C3dHdf5 => throw new BadInputException($"import.source '{source}' is a folder; import.format c3d_hdf5 reads one HDF5 file"),
            _ => throw new BadInputException($"import.source '{source}' is a file; import.format {Configuration.ConfigKeys.FromProperty(format.ToString())} reads a folder of per-video files"),
        };
    }

    private static FeatureFormat Detect(string source, bool isFile)
    {
        if (isFile)
        {
            return FeatureFormat.C3dHdf5;
        }

        int csv = Directory.EnumerateFiles(source, "*.csv").Take(1).Count();
        int npy = Directory.EnumerateFiles(source, "*.npy").Take(1).Count();
        return (csv, npy) switch
        {
            (1, 0) => FeatureFormat.BsnCsv,
            (0, 1) => FeatureFormat.Npy,
            (0, 0) => throw new BadInputException($"import.source '{source}' holds no .csv or .npy files; give the folder of per-video feature files (or set import.format)"),
            _ => throw new BadInputException($"import.source '{source}' holds both .csv and .npy files; set import.format to bsn_csv or npy"),
        };
    }
}
