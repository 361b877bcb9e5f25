namespace VideoRecognition.Runtime;

/// <summary>
/// A seed that derives independent child seeds by purpose and index, so that every random choice in a
/// run (which video, which frame, which augmentation) depends only on the config seed and on what is
/// being drawn, never on the order in which parallel work happens to run.
/// </summary>
public readonly record struct Seed(ulong Value)
{
    public static Seed From(int configSeed) => new(unchecked((ulong)configSeed));

    public Seed Derive(string purpose, long index = 0)
    {
        ulong h = Value ^ 0x9E3779B97F4A7C15UL;
        foreach (char c in purpose)
        {
            h = Mix(h ^ c);
        }

        return new Seed(Mix(h ^ unchecked((ulong)index)));
    }

    /// <summary>A System.Random whose sequence is fixed by this seed (the seeded algorithm is stable across runs).</summary>
    public Random ToRandom() => new(unchecked((int)(Value ^ (Value >> 32)) & int.MaxValue));

    // SplitMix64 finaliser: cheap, and consecutive inputs give statistically unrelated outputs.
    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
