using VideoRecognition.Features;
using VideoRecognition.Runtime;
using VideoRecognition.Tests.Video;
using VideoRecognition.Video;

namespace VideoRecognition.Tests.Features;

/// <summary>The views extraction stores: view 0 the test view, views 1..N augmented views of the same frames.</summary>
public sealed class SegmentViewsTests
{
    private static readonly VideoConfig Config = new() { Segments = 4, InputSize = 32, ResizeShorter = 40 };

    [Fact]
    public void A_video_gives_one_test_view_and_n_training_views_per_segment_reproducibly()
    {
        using var temp = new TempFolder();
        var probe = VideoProber.Probe(BadVideoTests.WriteVideo(temp["clip.mp4"], frames: 30));
        var source = new VideoSource("clip", "a class", "training", probe);
        var views = new SegmentViews(Config, trainViews: 2, Seed.From(4));

        var all = views.Prepare(source);
        Assert.Equal((3 * 4, 32), (all.Count, all.Size));
        Assert.Equal(all.Data, views.Prepare(source).Data);
        Assert.NotEqual(all.Data, new SegmentViews(Config, trainViews: 2, Seed.From(5)).Prepare(source).Data);

        // The parts end-to-end training decodes separately are exactly the slices of the full set.
        int slot = all.SlotLength;
        Assert.Equal(all.Data[..(4 * slot)], views.PrepareTestView(source).Data);
        Assert.Equal(all.Data[(4 * slot)..], views.PrepareTrainingViews(source).Data);

        // Two augmented views of a segment differ; the test view is not one of them.
        Assert.NotEqual(all.Slot(4).ToArray(), all.Slot(8).ToArray());
        Assert.NotEqual(all.Slot(0).ToArray(), all.Slot(4).ToArray());
    }
}
