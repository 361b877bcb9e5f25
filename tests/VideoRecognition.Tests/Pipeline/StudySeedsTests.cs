using VideoRecognition.Pipeline;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Pipeline;

public sealed class StudySeedsTests
{
    [Fact]
    public void A_list_keeps_its_order_and_a_count_starts_at_zero()
    {
        Assert.Equal([3, 0, 7], StudySeeds.Parse(" 3, 0,7 "));
        Assert.Equal([0, 1, 2, 3, 4], StudySeeds.Parse(StudySeeds.DefaultList));
        Assert.Equal([0, 1, 2], StudySeeds.First("3"));
    }

    [Theory]
    [InlineData("", "holds no seed")]
    [InlineData(" , ", "holds no seed")]
    [InlineData("0,1,0", "seed 0 is given twice")]
    [InlineData("0,x", "'x' is not a seed")]
    [InlineData("0,,2", "'' is not a seed")]
    [InlineData("-1", "'-1' is not a seed")]
    [InlineData("1.5", "'1.5' is not a seed")]
    public void Bad_lists_are_refused_naming_the_problem(string text, string expected)
    {
        var error = Assert.Throws<BadInputException>(() => StudySeeds.Parse(text));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("five")]
    public void A_count_below_one_or_not_a_number_is_refused(string count)
    {
        var error = Assert.Throws<BadInputException>(() => StudySeeds.First(count));
        Assert.Contains("--seed-count", error.Message);
    }
}
