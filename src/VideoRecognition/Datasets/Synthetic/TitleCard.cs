using OpenCvSharp;

namespace VideoRecognition.Datasets.Synthetic;

/// <summary>
/// A title card or text slide: one to three lines of words over a varied <see cref="Backdrop"/>, sometimes
/// on a translucent banner. Text is drawn with OpenCV's built-in Hershey vector fonts, which need no font
/// files and render the same everywhere.
/// </summary>
public static class TitleCard
{
    private static readonly string[] Words =
    [
        "HIGHLIGHTS", "PART", "ROUND", "FINAL", "WELCOME", "THANKS", "FOR", "WATCHING", "SUBSCRIBE", "CHAPTER",
        "DAY", "SEASON", "EPISODE", "THE", "BEST", "OF", "LIVE", "REPLAY", "INTRO", "CREDITS", "MUSIC", "BY",
        "VLOG", "TUTORIAL", "STEP", "NEXT", "TIME", "CLUB", "CUP", "2019", "2021", "1", "2", "3", "HD",
    ];

    private static readonly HersheyFonts[] Fonts =
        [HersheyFonts.HersheySimplex, HersheyFonts.HersheyDuplex, HersheyFonts.HersheyComplex, HersheyFonts.HersheyTriplex, HersheyFonts.HersheyPlain];

    public static void Compose(Mat target, Random random)
    {
        Backdrop.Paint(target, random);
        int width = target.Width;
        int height = target.Height;
        int lines = 1 + random.Next(3);
        HersheyFonts font = Fonts[random.Next(Fonts.Length)];
        double scale = (0.35 + (0.4 * random.NextDouble())) * height / 120.0;
        // A heavy stroke at a small scale fills the glyphs in; only large text gets it.
        int thickness = scale >= 0.55 * height / 120.0 && random.NextDouble() < 0.5 ? 2 : 1;
        string[] texts = Enumerable.Range(0, lines)
            .Select(_ => string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Words[random.Next(Words.Length)])))
            .ToArray();

        // Shrink until the widest line fits; the line pitch follows the glyph height.
        Size[] sizes = texts.Select(t => Cv2.GetTextSize(t, font, scale, thickness, out _)).ToArray();
        double widest = sizes.Max(s => s.Width);
        if (widest > 0.9 * width)
        {
            scale *= 0.9 * width / widest;
            sizes = texts.Select(t => Cv2.GetTextSize(t, font, scale, thickness, out _)).ToArray();
        }

        int pitch = (int)Math.Ceiling(sizes.Max(s => s.Height) * 1.8);
        int blockHeight = pitch * lines;
        int top = (int)((height - blockHeight) * (0.2 + (0.6 * random.NextDouble())));
        bool light = random.NextDouble() < 0.6;
        if (random.NextDouble() < 0.5)
        {
            // A banner of the opposite tone behind the text, blended so the backdrop shows through.
            Bgr band = MutedPalette.Ink(random, !light);
            var bandRect = new Rect(0, Math.Max(0, top - (pitch / 3)), width, Math.Min(height - Math.Max(0, top - (pitch / 3)), blockHeight + (pitch / 2)));
            using Mat region = new(target, bandRect);
            using var fill = new Mat(region.Size(), region.Type(), new Scalar(band.B, band.G, band.R));
            Cv2.AddWeighted(region, 0.35, fill, 0.65, 0, region);
        }

        Bgr ink = MutedPalette.Ink(random, light);
        bool centred = random.NextDouble() < 0.7;
        for (int i = 0; i < lines; i++)
        {
            int x = centred ? (width - sizes[i].Width) / 2 : (int)(0.06 * width);
            int baseline = top + (i * pitch) + sizes[i].Height + (pitch / 4);
            Cv2.PutText(target, texts[i], new Point(x, baseline), font, scale, new Scalar(ink.B, ink.G, ink.R), thickness, LineTypes.AntiAlias);
        }
    }
}
