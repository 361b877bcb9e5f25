namespace VideoRecognition.Pipeline;

/// <summary>
/// What a study was asked to do: its seeds, its folder (one seed-&lt;s&gt; run folder per seed), and where
/// its config came from with the command-line overrides, so study.md can say what the numbers belong to.
/// </summary>
public sealed record StudyPlan(IReadOnlyList<int> Seeds, string OutputFolder, string Config, IReadOnlyList<string> Overrides);
