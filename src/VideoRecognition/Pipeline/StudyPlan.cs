namespace VideoRecognition.Pipeline;

/// <summary>
/// What a study was asked to do: its seeds, its folder (one seed-&lt;s&gt; run folder per seed), and where
/// its config came from with the command-line overrides, so study.md can say what the numbers belong to, and
/// how many initialisations of each seed train every model (<see cref="Inits"/>, whose results a seed averages).
/// </summary>
public sealed record StudyPlan(IReadOnlyList<int> Seeds, string OutputFolder, string Config, IReadOnlyList<string> Overrides, int Inits = 1)
{
    /// <summary>The most initialisations per seed a study accepts (each one trains and evaluates every model again).</summary>
    public const int MaxInits = 100;
}
