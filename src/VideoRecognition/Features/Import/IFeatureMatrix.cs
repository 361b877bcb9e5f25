namespace VideoRecognition.Features.Import;

/// <summary>One video's [T, D] feature rows, read a block at a time so a long video never has to fit in memory whole.</summary>
public interface IFeatureMatrix : IDisposable
{
    int Rows { get; }

    int Dimension { get; }

    /// <summary>Rows [firstRow, firstRow + destination.Length / D) as floats, row-major.</summary>
    void Read(int firstRow, Span<float> destination);
}
