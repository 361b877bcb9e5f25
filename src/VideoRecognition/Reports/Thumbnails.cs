using OpenCvSharp;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;
using VideoRecognition.Video;

namespace VideoRecognition.Reports;

/// <summary>
/// Writes each segment's centre frame as a small JPEG. A video that cannot be read is reported and left
/// without thumbnails (its page says so) rather than failing the whole report: a report is most wanted
/// exactly when something about the data looks wrong.
/// </summary>
internal static class Thumbnails
{
    public const int Width = 160;

    /// <summary>Which segments got a thumbnail, by segment index.</summary>
    public static IReadOnlySet<int> Write(VideoInspection video, ReportLayout layout, IProgressReporter progress)
    {
        var written = new HashSet<int>();
        if (video.Segments.Count == 0)
        {
            return written;
        }

        try
        {
            using FrameReader reader = FrameReader.Open(video.VideoPath);
            int last = reader.Probe.DecodedFrames - 1;
            // A probe can decode fewer frames than the container claims; the nearest readable frame still shows the segment.
            int[] frames = video.Segments.Select(s => Math.Clamp(s.CentreFrame, 0, last)).ToArray();
            Mat[] images = reader.Read(frames);
            try
            {
                for (int i = 0; i < images.Length; i++)
                {
                    SegmentInspection segment = video.Segments[i];
                    WriteOne(images[i], layout.Full(ReportLayout.VideoFolder + "/" + layout.Thumbnail(video.Id, segment.Index)));
                    written.Add(segment.Index);
                }
            }
            finally
            {
                foreach (Mat image in images)
                {
                    image.Dispose();
                }
            }
        }
        catch (Exception e) when (e is VideoReadException or IOException or OpenCVException or ArgumentOutOfRangeException)
        {
            progress.Log(Progress.LogLevel.Warning, $"no thumbnails for video '{video.Id}' ({video.VideoPath}): {e.Message}");
        }

        return written;
    }

    /// <summary>One frame of a support video; a video that cannot be read is reported and left without one.</summary>
    public static void WriteSupport(SupportThumbnail support, ReportLayout layout, IProgressReporter progress)
    {
        try
        {
            using FrameReader reader = FrameReader.Open(support.VideoPath);
            Mat[] images = reader.Read([Math.Clamp(support.Frame, 0, reader.Probe.DecodedFrames - 1)]);
            try
            {
                WriteOne(images[0], layout.Full(ReportLayout.VideoFolder + "/" + layout.SupportThumbnail(support.Id)));
            }
            finally
            {
                images[0].Dispose();
            }
        }
        catch (Exception e) when (e is VideoReadException or IOException or OpenCVException or ArgumentOutOfRangeException)
        {
            progress.Log(Progress.LogLevel.Warning, $"no thumbnail for support video '{support.Id}' ({support.VideoPath}): {e.Message}");
        }
    }

    private static void WriteOne(Mat frame, string path)
    {
        int height = Math.Max(1, (int)Math.Round(frame.Rows * (double)Width / frame.Cols));
        using var small = new Mat();
        Cv2.Resize(frame, small, new Size(Width, height), interpolation: InterpolationFlags.Area);
        Cv2.ImEncode(".jpg", small, out byte[] jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 85));
        AtomicFile.Write(path, stream => stream.Write(jpeg));
    }
}
