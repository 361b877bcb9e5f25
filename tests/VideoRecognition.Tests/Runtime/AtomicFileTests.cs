using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Runtime;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_failed_write_keeps_the_old_content_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        string path = temp["result.json"];
        AtomicFile.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("partial"u8);
            throw new InvalidOperationException("disk on fire");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["result.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_successful_write_replaces_the_content()
    {
        using var temp = new TempFolder();
        string path = temp["sub/result.json"];
        AtomicFile.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
    }
}
