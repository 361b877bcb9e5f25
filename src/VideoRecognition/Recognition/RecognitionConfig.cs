using System.ComponentModel.DataAnnotations;
using VideoRecognition.Configuration;

namespace VideoRecognition.Recognition;

/// <summary>
/// `vrec recognise` (config section `recognise`): few-shot recognition and localisation of a user's own videos
/// against a support set, with an open-set "none of these" answer.
/// </summary>
public sealed record RecognitionConfig : IConfigSection
{
    /// <summary>How the "none of these" threshold on a query's best prototype similarity is chosen.</summary>
    public OpenSetRule OpenSet { get; init; } = OpenSetRule.LeaveOneOut;

    /// <summary>
    /// The cosine similarity below which a query is "none of these" with open_set fixed, and the fallback of
    /// leave_one_out when the support set cannot give one (a single class, or one video per class).
    /// </summary>
    [Range(-1.0, 1.0)]
    public double OpenSetThreshold { get; init; } = 0.5;

    /// <summary>Ranked classes kept per query (all support classes when larger).</summary>
    [Range(1, 1000)]
    public int TopClasses { get; init; } = 5;

    /// <summary>Where probes and test-view features of support and query videos are cached (by file, size, time and model input).</summary>
    public string Cache { get; init; } = "data/recognise-cache";

    public IEnumerable<(string Key, string Problem)> Check()
    {
        if (string.IsNullOrWhiteSpace(Cache))
        {
            yield return ("cache", "must name a folder");
        }
    }
}

/// <summary>How the open-set threshold is chosen.</summary>
public enum OpenSetRule
{
    /// <summary>
    /// From the support set: each support video, left out of its class, is scored against its own class (a known
    /// query) and against the other classes (as a query of a class outside the support set would be); the
    /// threshold is the cut that best separates the two (balanced accuracy), with ties at the midpoint.
    /// </summary>
    LeaveOneOut,

    /// <summary>recognise.open_set_threshold as given.</summary>
    Fixed,
}
