namespace VideoRecognition.Configuration;

/// <summary>
/// A config record with rules that span several keys (shares that must add up to one, a size that must
/// fit another). Single-key rules are DataAnnotations attributes on the properties instead.
/// </summary>
public interface IConfigSection
{
    /// <summary>Problems as (key relative to this section, what is wrong and what is allowed).</summary>
    IEnumerable<(string Key, string Problem)> Check();
}
