namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A place: sky and floor colours (BGR) split at a horizon, plus fixed props. Each scene is the home of
/// several classes (as many ActivityNet sports share a gym), and videos of a class are also filmed in
/// other classes' scenes, so the scene alone does not tell the class.
/// </summary>
public sealed record Scene(string Name, Bgr Sky, Bgr Floor, double Horizon, IReadOnlyList<SceneProp> Props)
{
    /// <summary>Muted colours only (saturation at most <see cref="MutedPalette.MaxSaturation"/>): nothing in a scene passes for an actor.</summary>
    public static readonly IReadOnlyList<Scene> All =
    [
        new("gym", new(150, 160, 170), new(90, 108, 132), 0.55,
        [
            new(PropKind.Box, 0.08, 0.20, 0.05, 0.40, new(90, 90, 90)),
            new(PropKind.Box, 0.87, 0.20, 0.05, 0.40, new(90, 90, 90)),
            new(PropKind.Box, 0.08, 0.20, 0.84, 0.04, new(90, 90, 90)),
        ]),
        new("field", new(200, 170, 140), new(80, 115, 80), 0.45,
        [
            new(PropKind.Frame, 0.70, 0.25, 0.22, 0.25, new(235, 235, 235)),
            new(PropKind.Line, 0.00, 0.75, 1.00, 0.00, new(220, 220, 220)),
        ]),
        new("pool", new(170, 150, 130), new(150, 125, 100), 0.40,
        [
            new(PropKind.Line, 0.00, 0.60, 1.00, 0.00, new(200, 190, 180)),
            new(PropKind.Line, 0.00, 0.80, 1.00, 0.00, new(200, 190, 180)),
            new(PropKind.Box, 0.02, 0.10, 0.12, 0.30, new(110, 110, 120)),
        ]),
        new("beach", new(210, 190, 160), new(140, 180, 200), 0.50,
        [
            new(PropKind.Disc, 0.85, 0.15, 0.07, 0.07, new(170, 220, 235)),
            new(PropKind.Box, 0.15, 0.30, 0.02, 0.35, new(70, 85, 100)),
            new(PropKind.Box, 0.08, 0.26, 0.16, 0.05, new(120, 120, 160)),
        ]),
        new("street", new(120, 120, 115), new(80, 80, 80), 0.60,
        [
            new(PropKind.Box, 0.05, 0.10, 0.20, 0.50, new(90, 100, 120)),
            new(PropKind.Box, 0.75, 0.05, 0.22, 0.55, new(110, 95, 95)),
            new(PropKind.Line, 0.00, 0.82, 1.00, 0.00, new(150, 170, 170)),
        ]),
        new("stage", new(60, 40, 60), new(60, 75, 90), 0.70,
        [
            new(PropKind.Box, 0.00, 0.00, 0.12, 0.70, new(62, 58, 88)),
            new(PropKind.Box, 0.88, 0.00, 0.12, 0.70, new(62, 58, 88)),
            new(PropKind.Disc, 0.50, 0.05, 0.05, 0.05, new(170, 200, 210)),
        ]),
        new("snow", new(205, 195, 185), new(235, 232, 228), 0.50,
        [
            new(PropKind.Box, 0.10, 0.22, 0.06, 0.30, new(60, 75, 60)),
            new(PropKind.Box, 0.80, 0.28, 0.05, 0.24, new(60, 75, 60)),
            new(PropKind.Line, 0.00, 0.70, 1.00, 0.00, new(200, 200, 205)),
        ]),
        new("forest", new(150, 170, 160), new(60, 85, 75), 0.50,
        [
            new(PropKind.Box, 0.05, 0.15, 0.04, 0.45, new(50, 60, 70)),
            new(PropKind.Box, 0.90, 0.10, 0.04, 0.50, new(50, 60, 70)),
            new(PropKind.Disc, 0.07, 0.15, 0.09, 0.09, new(70, 100, 80)),
            new(PropKind.Disc, 0.92, 0.10, 0.09, 0.09, new(70, 100, 80)),
        ]),
    ];

    /// <summary>Every colour the scene paints (sky, floor, props).</summary>
    public IEnumerable<Bgr> Colours => [Sky, Floor, .. Props.Select(p => p.Colour)];
}

/// <summary>A colour as OpenCV stores it (blue, green, red).</summary>
public readonly record struct Bgr(byte B, byte G, byte R);

public enum PropKind
{
    /// <summary>A filled rectangle.</summary>
    Box,

    /// <summary>A rectangle outline (goal, frame).</summary>
    Frame,

    /// <summary>A horizontal line across the given width.</summary>
    Line,

    /// <summary>A filled circle of radius <see cref="SceneProp.Width"/>.</summary>
    Disc,
}

/// <summary>A fixed prop; position and size are fractions of the frame width (X, Width) and height (Y, Height).</summary>
public sealed record SceneProp(PropKind Kind, double X, double Y, double Width, double Height, Bgr Colour);
