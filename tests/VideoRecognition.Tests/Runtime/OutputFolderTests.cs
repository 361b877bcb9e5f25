using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Runtime;

public sealed class OutputFolderTests
{
    [Fact]
    public void Creates_missing_folders()
    {
        using var temp = new TempFolder();
        string created = OutputFolder.Prepare(temp["a/b/c"]);
        Assert.True(Directory.Exists(created));
        Assert.Empty(Directory.GetFiles(created));
    }

    [Fact]
    public void A_folder_below_a_file_is_refused_with_its_name()
    {
        // Below a regular file nothing can be created, even as root (permission bits would not stop root).
        using var temp = new TempFolder();
        File.WriteAllText(temp["plain-file"], "x");
        var e = Assert.Throws<IOException>(() => OutputFolder.Prepare(temp["plain-file/out"]));
        Assert.Contains("plain-file/out", e.Message);
        Assert.Contains("cannot be written", e.Message);
    }
}
