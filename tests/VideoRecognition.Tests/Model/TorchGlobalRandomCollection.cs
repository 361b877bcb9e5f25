namespace VideoRecognition.Tests.Model;

/// <summary>
/// Tests that replay torch's global random generator (manual_seed, then module initialisation) must not run
/// alongside other tests drawing from it, or the "same seed, same numbers" assertions fail at random.
/// xunit runs collections with DisableParallelization on their own, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchGlobalRandomCollection
{
    public const string Name = "torch global random generator";
}
