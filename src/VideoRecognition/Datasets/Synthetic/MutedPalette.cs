namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// Colours for everything that is not an actor (text, logos, clutter, procedural backdrops): low
/// saturation, so no pixel of them can pass for an actor (<see cref="ActorColour.IsActorLike"/>).
/// </summary>
public static class MutedPalette
{
    /// <summary>
    /// Low enough that blurs and anti-aliased blends of muted colours stay under <see cref="ActorColour.MinSaturation"/>:
    /// for a blend, max - min is at most 0.35 x (blend of the maxima) while max is at least 0.65 x the same, so S stays under 0.54.
    /// </summary>
    public const double MaxSaturation = 0.35;

    public static Bgr Draw(Random random, double minValue = 0.15, double maxValue = 0.9) =>
        new Hsv(360 * random.NextDouble(), MaxSaturation * random.NextDouble(), minValue + ((maxValue - minValue) * random.NextDouble())).ToBgr();

    /// <summary>A light or dark near-grey, as text and emblems use for contrast.</summary>
    public static Bgr Ink(Random random, bool light) =>
        new Hsv(360 * random.NextDouble(), 0.15 * random.NextDouble(), light ? 0.8 + (0.2 * random.NextDouble()) : 0.05 + (0.15 * random.NextDouble())).ToBgr();
}
