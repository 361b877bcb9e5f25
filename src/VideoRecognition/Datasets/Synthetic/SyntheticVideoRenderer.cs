using OpenCvSharp;
using VideoRecognition.Runtime;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// Renders a planned video frame by frame into an MPEG-4 Part 2 (<c>mp4v</c>) file: the one encoder the
/// bundled FFmpeg has for .mp4. Written under a temporary name and published atomically.
/// </summary>
public static class SyntheticVideoRenderer
{
    public static void Render(PlannedVideo video, IReadOnlyList<SyntheticClass> classes, SyntheticConfig config, string path, CancellationToken ct)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);

        // The encoder picks the container from the extension, so the temporary name must end in .mp4 too.
        string temporary = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(path)}.{Environment.ProcessId}.tmp.mp4");
        try
        {
            // Lower-case tag: the mp4 muxer knows "mp4v"; "MP4V" makes FFmpeg fall back with a warning per video.
            using (var writer = new VideoWriter(temporary, FourCC.FromString("mp4v"), config.Fps, new Size(config.Width, config.Height), isColor: true))
            {
                if (!writer.IsOpened())
                {
                    throw new IOException($"OpenCV could not open an mp4v video writer for '{temporary}'.");
                }

                WriteFrames(video, classes, config, writer, ct);
            }

            AtomicFile.Publish(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void WriteFrames(PlannedVideo video, IReadOnlyList<SyntheticClass> classes, SyntheticConfig config, VideoWriter writer, CancellationToken ct)
    {
        Random random = video.Seed.Derive("render").ToRandom();
        double jitter = config.AppearanceJitter;
        using var painter = new FramePainter(config.Width, config.Height, video.Scene, ScenePainter.DrawBrightness(random, jitter));
        ActorPerformance own = ActorPerformance.Draw(video.Class, random, jitter);
        foreach (TimelineSpan span in video.Timeline.Spans)
        {
            ct.ThrowIfCancellationRequested();
            if (span.Kind == SpanKind.NBG)
            {
                using NbgShot shot = NbgShot.Open(span.Content, config.Width, config.Height, config.Fps, random);
                for (int f = span.StartFrame; f < span.EndFrame; f++)
                {
                    shot.Paint(painter.Frame, f - span.StartFrame, span.Frames);
                    writer.Write(painter.Frame);
                }

                continue;
            }

            ActorPerformance? actor = span.Content switch
            {
                SpanContent.Action => own,
                SpanContent.OtherAction => ActorPerformance.Draw(classes[span.VisibleClass!.Value], random, jitter),
                _ => null,
            };
            ActorColour[] onScreen = actor is null ? [video.Class.Colour] : [video.Class.Colour, actor.Class.Colour];
            Distractor? distractor = random.NextDouble() < config.DistractorShare
                ? Distractor.Draw(random, onScreen, jitter, config.Width, config.Height)
                : null;
            for (int f = span.StartFrame; f < span.EndFrame; f++)
            {
                painter.PaintContent(actor, distractor, f / config.Fps);
                writer.Write(painter.Frame);
            }
        }
    }
}
