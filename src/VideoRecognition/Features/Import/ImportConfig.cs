using System.ComponentModel.DataAnnotations;

namespace VideoRecognition.Features.Import;

/// <summary>
/// `vrec import-features` (config section `import`): which published ActivityNet feature set to read into the
/// feature store at features.output, and how its rows become the store's video.segments segments.
/// </summary>
public sealed record ImportConfig
{
    /// <summary>The feature file (C3D HDF5) or folder (csv_mean_100/, a folder of .npy files); empty = not set.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>auto: c3d_hdf5 for a file, bsn_csv or npy for a folder by the files it holds.</summary>
    public FeatureFormat Format { get; init; } = FeatureFormat.Auto;

    /// <summary>c3d_hdf5: the dataset inside each v_&lt;id&gt; group.</summary>
    [Required]
    public string Dataset { get; init; } = "c3d_features";

    /// <summary>
    /// Width every video's rows must have; 0 = the most common width among the matched videos (found from the
    /// headers before anything is written). Videos of another width are reported and skipped.
    /// </summary>
    [Range(0, 1 << 20)]
    public int FeatureDimension { get; init; }

    /// <summary>
    /// Temporally jittered training views stored beside the test view (view 0, the plain segment means): each
    /// averages a random window inside the segment's rows, the feature-row analogue of TSN's random frame per
    /// segment. 0 stores the test view only; training then makes both contrastive views in feature space.
    /// </summary>
    [Range(0, 16)]
    public int TrainViews { get; init; }

    /// <summary>Length of a jittered view's window as a fraction of its segment's rows (at least one row).</summary>
    [Range(0.01, 1.0)]
    public double JitterWindow { get; init; } = 0.5;

    /// <summary>Rows read from a file at a time: bounds the memory of one very long video.</summary>
    [Range(1, 1 << 20)]
    public int BlockRows { get; init; } = 512;
}

/// <summary>The published feature layouts `vrec import-features` reads.</summary>
public enum FeatureFormat
{
    /// <summary>Decided from the source: a file is c3d_hdf5; a folder is bsn_csv or npy by its files.</summary>
    Auto,

    /// <summary>ActivityNet challenge C3D features: one HDF5 file, group v_&lt;id&gt;, dataset c3d_features [T, 500], a row per 8 frames.</summary>
    C3dHdf5,

    /// <summary>BSN/BMN csv_mean_100: one v_&lt;id&gt;.csv per video, header f0..f399, 100 rows (TSN RGB + flow).</summary>
    BsnCsv,

    /// <summary>Per-video NumPy arrays (&lt;id&gt;.npy or v_&lt;id&gt;.npy), float32 or float16 [T, D] (ActionFormer, OpenTAD, TSP).</summary>
    Npy,
}
