using VideoRecognition.Datasets;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Datasets;

public sealed class SeededClassSplitTests
{
    private static readonly string[] Classes = Enumerable.Range(0, 200).Select(i => $"Class {i:D3}").Reverse().ToArray();

    [Theory]
    [InlineData(200, 0)]
    [InlineData(100, 7)]
    [InlineData(37, 3)]
    public void Every_class_is_in_exactly_one_part_and_the_parts_follow_the_shares(int count, int seed)
    {
        var shares = new ClassSplitShares();
        ClassSplit split = SeededClassSplit.Draw(Classes.Take(count), shares, seed);

        ClassSplitCoverage coverage = ClassSplitCoverage.Check(split, Classes.Take(count));
        Assert.True(coverage.IsExact, string.Join("; ", coverage.Problems()));
        Assert.Equal(count, split.Classes.Count);
        Assert.InRange(split.Count(SplitPart.Base), (0.64 * count) - 1, (0.64 * count) + 1);
        Assert.InRange(split.Count(SplitPart.Val), (0.16 * count) - 1, (0.16 * count) + 1);
        Assert.InRange(split.Count(SplitPart.Novel), (0.20 * count) - 1, (0.20 * count) + 1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_another_split()
    {
        using var temp = new TempFolder();
        var shares = new ClassSplitShares();
        string Write(int seed, IEnumerable<string> classes, string name)
        {
            ClassSplit split = SeededClassSplit.Draw(classes, shares, seed);
            split.Write(temp[name], SeededClassSplit.Header(seed, "/somewhere/anno.json", shares, split));
            return File.ReadAllText(temp[name]);
        }

        string first = Write(0, Classes, "a.txt");
        Assert.Equal(first, Write(0, Classes.Order(StringComparer.Ordinal), "b.txt"));
        Assert.Equal(File.ReadAllBytes(temp["a.txt"]), File.ReadAllBytes(temp["b.txt"]));
        Assert.NotEqual(ClassSplit.Read(temp["a.txt"]).Classes, SeededClassSplit.Draw(Classes, shares, 1).Classes);
        Assert.Contains("# seed: 0\n", first);
        Assert.Contains("source: anno.json (200 classes)", first);
        Assert.Contains("NOT the paper's split", first);
        Assert.DoesNotContain("/somewhere", first);
    }

    [Fact]
    public void Coverage_names_unknown_missing_and_repeated_classes()
    {
        var split = new ClassSplit([(SplitPart.Base, "Ballet"), (SplitPart.Val, "Balet"), (SplitPart.Novel, "Ballet")]);
        ClassSplitCoverage coverage = ClassSplitCoverage.Check(split, ["Ballet", "Long jump"]);
        Assert.Equal(["Balet"], coverage.Unknown);
        Assert.Equal(["Long jump"], coverage.Missing);
        Assert.Equal(["Ballet"], coverage.Repeated);
        string problems = string.Join("\n", coverage.Problems());
        Assert.Contains("'Balet'", problems);
        Assert.Contains("'Long jump'", problems);
    }

    [Theory]
    [InlineData("0.5,0.5", "three")]
    [InlineData("0.6,0.2,0.3", "add up to 1.1")]
    [InlineData("0.64,x,0.2", "'x' is not a share")]
    [InlineData("0.98,0.01,0.01", "every part needs at least one class")]
    public void Bad_shares_are_bad_input_naming_the_option(string text, string expected)
    {
        var error = Assert.Throws<BadInputException>(() => ClassSplitShares.Parse(text, 20, "--shares"));
        Assert.StartsWith("--shares", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
