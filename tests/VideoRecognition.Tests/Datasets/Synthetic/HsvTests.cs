using VideoRecognition.Datasets.Synthetic;

namespace VideoRecognition.Tests.Datasets.Synthetic;

public sealed class HsvTests
{
    [Theory]
    [InlineData(0, 0, 255, 0)]
    [InlineData(0, 255, 0, 120)]
    [InlineData(255, 0, 0, 240)]
    [InlineData(0, 255, 255, 60)]
    public void Primary_colours_have_their_textbook_hues(byte b, byte g, byte r, double hue)
    {
        Hsv hsv = Hsv.From(new Bgr(b, g, r));
        Assert.Equal(hue, hsv.Hue, 6);
        Assert.Equal((1.0, 1.0), (hsv.Saturation, hsv.Value));
        Assert.Equal(new Bgr(b, g, r), new Hsv(hue, 1, 1).ToBgr());
    }

    [Fact]
    public void Bgr_to_hsv_and_back_is_exact_to_a_level()
    {
        var random = new Random(4);
        for (int i = 0; i < 2_000; i++)
        {
            var colour = new Bgr((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            Bgr back = Hsv.From(colour).ToBgr();
            Assert.True(Math.Abs(colour.B - back.B) <= 1 && Math.Abs(colour.G - back.G) <= 1 && Math.Abs(colour.R - back.R) <= 1, $"{colour} came back as {back}");
        }
    }
}
