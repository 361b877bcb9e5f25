using VideoRecognition.Datasets;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets;

public sealed class ClassSplitTests
{
    [Fact]
    public void Writes_comments_and_tab_separated_lines_and_reads_them_back()
    {
        string path = Path.Combine(Path.GetTempPath(), $"split-{Guid.NewGuid():N}.txt");
        try
        {
            var split = new ClassSplit([(SplitPart.Base, "Long jump"), (SplitPart.Val, "Ballet"), (SplitPart.Novel, "Making a cake")]);
            split.Write(path, ["made by a test"]);
            Assert.Equal("# made by a test\nbase\tLong jump\nval\tBallet\nnovel\tMaking a cake\n", File.ReadAllText(path));
            ClassSplit read = ClassSplit.Read(path);
            Assert.Equal(split.Classes, read.Classes);
            Assert.Equal(["Making a cake"], read.ClassesIn(SplitPart.Novel));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unknown_part_or_a_repeated_class_is_bad_input_naming_the_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"split-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "# header\nbase\tA\ntest\tB\n");
            Assert.Contains("line 3", Assert.Throws<BadInputException>(() => ClassSplit.Read(path)).Message);
            File.WriteAllText(path, "base\tA\nnovel\tA\n");
            Assert.Contains("twice", Assert.Throws<BadInputException>(() => ClassSplit.Read(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
