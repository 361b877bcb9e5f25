using VideoRecognition.Datasets;

namespace VideoRecognition.Tests.Datasets;

public sealed class VideoIndexTests
{
    [Fact]
    public void Video_files_are_found_under_both_namings_including_ids_that_begin_with_v_()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["videos/sub"]);
        // The proposal naming (v_<id>), the bare naming (<id>), and a real v1.3 id that itself begins with "v_",
        // saved under its bare name; a file of another type is not a video.
        foreach (string name in new[] { "v_abc.mp4", "sub/def.webm", "v_UmAH95xls.mkv", "notes.txt" })
        {
            File.WriteAllBytes(temp[$"videos/{name}"], []);
        }

        var files = VideoIndex.FilesById(temp["videos"]);

        Assert.Equal([temp["videos/v_abc.mp4"]], files["abc"]);
        Assert.Equal([temp["videos/sub/def.webm"]], files["def"]);
        Assert.Equal([temp["videos/v_UmAH95xls.mkv"]], files["v_UmAH95xls"]);
        Assert.False(files.ContainsKey("notes"));
        Assert.False(files.ContainsKey("v_def"));
    }
}
