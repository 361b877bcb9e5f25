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
        using var painter = new FramePainter(config.Width, config.Height, video.Class.Scene, random);
        ActorPerformance own = ActorPerformance.Draw(video.Class, random);
        foreach (TimelineSpan span in video.Timeline.Spans)
        {
            ct.ThrowIfCancellationRequested();
            ActorPerformance? other = span.Content == SpanContent.OtherAction ? ActorPerformance.Draw(classes[span.VisibleClass!.Value], random) : null;
            byte level = span.Content switch
            {
                SpanContent.Black => (byte)random.Next(0, 7),
                SpanContent.Grey => (byte)random.Next(60, 191),
                _ => 0,
            };
            if (span.Content == SpanContent.TitleCard)
            {
                painter.ComposeTitleCard(random);
            }

            for (int f = span.StartFrame; f < span.EndFrame; f++)
            {
                double seconds = f / config.Fps;
                switch (span.Content)
                {
                    case SpanContent.Action:
                        painter.PaintActing(own, seconds);
                        break;
                    case SpanContent.OtherAction:
                        painter.PaintActing(other!, seconds);
                        break;
                    case SpanContent.Scene:
                        painter.PaintScene();
                        break;
                    case SpanContent.Black or SpanContent.Grey:
                        painter.PaintFlat(level);
                        break;
                    case SpanContent.Noise:
                        painter.PaintNoise(random);
                        break;
                    case SpanContent.Blur:
                        painter.PaintBlur();
                        break;
                    case SpanContent.TitleCard:
                        painter.PaintTitleCard();
                        break;
                    case SpanContent.Fade:
                        painter.PaintFade((f - span.StartFrame + 1) / (double)span.Frames);
                        break;
                }

                writer.Write(painter.Frame);
            }
        }
    }
}
