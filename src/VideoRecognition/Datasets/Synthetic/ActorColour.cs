namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A saturated actor colour (BGR, as OpenCV stores pixels). The scenes use muted colours so that an
/// actor stands out from every scene and can be found in a frame by its colour.
/// </summary>
public sealed record ActorColour(string Name, Bgr Colour)
{
    public static readonly IReadOnlyList<ActorColour> All =
    [
        new("Red", new(30, 30, 220)),
        new("Orange", new(0, 130, 255)),
        new("Yellow", new(0, 225, 235)),
        new("Green", new(40, 200, 40)),
        new("Cyan", new(220, 210, 0)),
        new("Blue", new(220, 70, 20)),
        new("Purple", new(170, 30, 120)),
        new("Pink", new(190, 110, 255)),
    ];
}
