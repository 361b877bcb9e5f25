namespace VideoRecognition.Features.Import;

/// <summary>
/// A published feature set opened for reading: the names of the videos it holds (as it writes them:
/// v_&lt;id&gt; or &lt;id&gt;) and, per video, its rows.
/// </summary>
public interface IFeatureSource : IDisposable
{
    FeatureFormat Format { get; }

    /// <summary>Where it was read from, for messages.</summary>
    string Location { get; }

    IReadOnlyCollection<string> Names { get; }

    /// <summary>Opens one video's matrix; reads its header only. Throws <see cref="FeatureFileException"/> when it cannot be read.</summary>
    IFeatureMatrix Open(string name);
}
