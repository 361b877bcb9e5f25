namespace VideoRecognition.Features.Import;

/// <summary>
/// What an import did. Videos: labelled annotated videos (what the store lists); Imported: those now with
/// features (including AlreadyDone from an interrupted run); Skipped: annotated videos without usable features,
/// each with its reason; NotInAnnotations: feature-set entries no labelled annotated video matches;
/// Unlabelled: entries of annotated videos without a label (ActivityNet's testing subset), not imported.
/// </summary>
public sealed record ImportSummary(
    FeatureFormat Format,
    string Source,
    string Store,
    int FeatureDimension,
    int Segments,
    int Views,
    int Videos,
    int Imported,
    int AlreadyDone,
    long Rows,
    IReadOnlyList<ImportProblem> Skipped,
    IReadOnlyList<ImportProblem> NotInAnnotations,
    int Unlabelled,
    TimeSpan Elapsed,
    string Report)
{
    /// <summary>The format as config keys write it (c3d_hdf5, bsn_csv, npy).</summary>
    public string FormatName => Configuration.ConfigKeys.FromProperty(Format.ToString());

    public double VideosPerSecond => (Imported - AlreadyDone) / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
