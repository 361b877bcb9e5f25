using Spectre.Console;
using Spectre.Console.Rendering;

namespace VideoRecognition.Cli.Rendering;

/// <summary>Items per second in the task's own unit (videos/s, segments/s).</summary>
internal sealed class RateColumn(IReadOnlyDictionary<int, string> units) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        string unit = units.GetValueOrDefault(task.Id, "items");
        return task.Speed is double speed
            ? new Text($"{speed:0.0} {unit}/s", new Style(Color.Aqua))
            : new Text($"- {unit}/s");
    }
}

/// <summary>Done / total, so a long job says how far it is in items, not only in percent.</summary>
internal sealed class CountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text($"{task.Value:0}/{task.MaxValue:0}");
}
