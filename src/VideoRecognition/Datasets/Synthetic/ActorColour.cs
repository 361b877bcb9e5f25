namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A family of saturated actor colours around a hue. Classes name the family ("Orange"); each video draws
/// its own exact colour from it (<see cref="Draw"/>), so no single colour value belongs to one class, and
/// with enough jitter neighbouring families overlap.
/// </summary>
/// <remarks>
/// Actors are the only saturated, bright things the generator paints (scenes, distractor-free NBG, text
/// and logos are muted; see <see cref="MutedPalette"/>). That keeps "does this frame contain an actor?"
/// testable from pixels without making it a per-class shortcut: all classes share the property.
/// </remarks>
public sealed record ActorColour(string Name, double Hue)
{
    /// <summary>Hues are spaced 28-65 degrees apart; red, orange and yellow are the closest neighbours.</summary>
    public static readonly IReadOnlyList<ActorColour> All =
    [
        new("Red", 0),
        new("Orange", 28),
        new("Yellow", 56),
        new("Green", 120),
        new("Cyan", 182),
        new("Blue", 228),
        new("Purple", 275),
        new("Pink", 322),
    ];

    /// <summary>Hue shift at appearance_jitter 1, in degrees either way: enough for red, orange and yellow to blur into each other.</summary>
    public const double MaxHueShift = 30;

    /// <summary>Below these a pixel is not actor-like; every actor colour at any jitter stays at or above them.</summary>
    public const double MinSaturation = 0.55;

    public const double MinValue = 0.45;

    private const double NominalSaturation = 0.92;
    private const double NominalValue = 0.9;

    /// <summary>The family's colour without jitter (written to classes.json).</summary>
    public Bgr Nominal => new Hsv(Hue, NominalSaturation, NominalValue).ToBgr();

    /// <summary>One video's exact colour: hue, saturation and value spread in proportion to <paramref name="jitter"/> (0..1).</summary>
    public Hsv Draw(Random random, double jitter) => new(
        Hue + (jitter * MaxHueShift * ((2 * random.NextDouble()) - 1)),
        Math.Min(1.0, NominalSaturation + (jitter * 0.2 * ((2 * random.NextDouble()) - 1))),
        Math.Min(1.0, NominalValue + (jitter * 0.3 * ((2 * random.NextDouble()) - 1))));

    /// <summary>True for colours an actor may have (saturated and bright); used to check that NBG shows no actor.</summary>
    public static bool IsActorLike(Hsv colour) => colour.Saturation >= MinSaturation && colour.Value >= MinValue;
}
