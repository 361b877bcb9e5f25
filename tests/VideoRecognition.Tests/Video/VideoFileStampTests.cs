using VideoRecognition.Video;

namespace VideoRecognition.Tests.Video;

public sealed class VideoFileStampTests
{
    [Fact]
    public void A_link_is_stamped_by_the_file_it_points_at_so_replacing_that_file_changes_the_stamp()
    {
        using var temp = new TempFolder();
        string video = temp["clip.mp4"], link = temp["support/clip.mp4"];
        File.WriteAllBytes(video, new byte[1000]);
        Directory.CreateDirectory(temp["support"]);
        File.CreateSymbolicLink(link, video);

        VideoFileStamp before = VideoFileStamp.Of(link);
        Assert.Equal(VideoFileStamp.Of(video), before);
        Assert.Equal(1000, before.Bytes);

        File.WriteAllBytes(video, new byte[1500]); // the video behind the link replaced; the link itself untouched
        Assert.NotEqual(before, VideoFileStamp.Of(link));
        Assert.Equal(1500, VideoFileStamp.Of(link).Bytes);
    }

    [Fact]
    public void A_missing_file_and_a_dangling_link_do_not_exist()
    {
        using var temp = new TempFolder();
        File.CreateSymbolicLink(temp["dangling.mp4"], temp["gone.mp4"]);
        Assert.False(VideoFileStamp.Of(temp["gone.mp4"]).Exists);
        Assert.False(VideoFileStamp.Of(temp["dangling.mp4"]).Exists);
    }
}
