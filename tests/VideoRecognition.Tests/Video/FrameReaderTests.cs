using OpenCvSharp;
using VideoRecognition.Video;

namespace VideoRecognition.Tests.Video;

/// <summary>The reader on a small video written here (runs without ../shared).</summary>
public sealed class FrameReaderTests
{
    [Fact]
    public void Captures_decode_on_one_thread()
    {
        using var temp = new TempFolder();
        string path = BadVideoTests.WriteVideo(temp["one_thread.mp4"], frames: 12);
        using var capture = FfmpegCapture.TryOpen(path);

        Assert.NotNull(capture);
        Assert.Equal(1, capture.Get((VideoCaptureProperties)FfmpegCapture.DecoderThreadsProperty));
        using var frame = new Mat();
        Assert.True(capture.Read(frame) && !frame.Empty());
    }

    [Fact]
    public void Reads_by_time_and_by_index_alike_and_rejects_indices_outside_the_video()
    {
        using var temp = new TempFolder();
        var probe = VideoProber.Probe(BadVideoTests.WriteVideo(temp["ten_fps.mp4"], frames: 40));
        using var reader = FrameReader.Open(probe);

        Assert.Equal(20, reader.FrameIndexAt(2.0));
        Assert.Equal(39, reader.FrameIndexAt(99));
        Assert.Equal(0, reader.FrameIndexAt(-1));
        Mat[] byTime = reader.ReadAt([2.05, 0.0]);
        Mat[] byIndex = reader.Read([20, 0, 21]);
        try
        {
            Assert.Equal(0, SequentialReference.MeanAbsoluteDifference(byIndex[0], byTime[0]));
            Assert.Equal(0, SequentialReference.MeanAbsoluteDifference(byIndex[1], byTime[1]));
            Assert.NotEqual(0, SequentialReference.MeanAbsoluteDifference(byIndex[0], byIndex[2]));
        }
        finally
        {
            foreach (var frame in byTime.Concat(byIndex))
            {
                frame.Dispose();
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Read([40]));
    }
}
