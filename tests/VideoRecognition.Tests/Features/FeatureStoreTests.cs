using VideoRecognition.Features;
using VideoRecognition.Progress;
using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Features;

public sealed class FeatureStoreTests
{
    private static readonly FeatureStoreManifest Manifest = new(FeatureStoreManifest.CurrentFormatVersion, "test", 4, 3, 2, 112, 0, "tsn");

    private static FeatureEntry Video(int i) => new($"vid{i:D3}", $"class {i % 3}", i % 4 == 0 ? "validation" : "training", 100 + i, 10, 10 + i / 10.0, 0, null);

    /// <summary>Features that differ per video and per value, and are exact in float16.</summary>
    private static float[] Features(int i) =>
        Enumerable.Range(0, Manifest.FloatsPerVideo).Select(k => (float)(i * 0.5 + k * 0.25 - 3)).ToArray();

    private static void WriteVideos(FeatureStoreLayout layout, IEnumerable<int> videos, bool complete = true)
    {
        using var writer = FeatureStoreWriter.OpenOrResume(layout, Manifest);
        foreach (int i in videos)
        {
            if (i % 7 == 6)
            {
                writer.AppendFailure(Video(i), "cannot open");
            }
            else
            {
                writer.Append(Video(i), Features(i));
            }
        }

        if (complete)
        {
            writer.Complete();
        }
    }

    private static byte[][] Bytes(FeatureStoreLayout layout) =>
        [File.ReadAllBytes(layout.Manifest), File.ReadAllBytes(layout.Index), File.ReadAllBytes(layout.Data)];

    [Fact]
    public void Written_features_read_back_per_video_and_view()
    {
        using var temp = new TempFolder();
        var layout = new FeatureStoreLayout(temp["store"]);
        WriteVideos(layout, Enumerable.Range(0, 10));

        using var store = FeatureStore.Open(layout.Folder);
        Assert.Equal(10, store.Entries.Count);
        Assert.Equal(9, store.Videos.Count); // video 6 could not be read
        Assert.Equal("cannot open", store.Entries.Single(e => e.Id == "vid006").Problem);

        int floatsPerView = Manifest.Segments * Manifest.FeatureDimension;
        var view = new float[floatsPerView];
        foreach (int i in new[] { 0, 5, 9 })
        {
            int position = store.PositionOf($"vid{i:D3}");
            Assert.Equal(Video(i) with { Offset = store.Videos[position].Offset }, store.Videos[position]);
            for (int v = 0; v < Manifest.Views; v++)
            {
                store.Read(position, v, view);
                Assert.Equal(Features(i).Skip(v * floatsPerView).Take(floatsPerView), view);
            }
        }
    }

    [Fact]
    public void A_torn_write_is_cut_off_and_the_resumed_store_has_the_same_bytes()
    {
        using var temp = new TempFolder();
        var whole = new FeatureStoreLayout(temp["whole"]);
        WriteVideos(whole, Enumerable.Range(0, 12));

        var resumed = new FeatureStoreLayout(temp["resumed"]);
        WriteVideos(resumed, Enumerable.Range(0, 5), complete: false);
        // What a kill leaves: half of the next video's data and a torn index line.
        using (var data = new FileStream(resumed.Data, FileMode.Append))
        {
            data.Write(new byte[Manifest.BytesPerVideo / 2]);
        }

        File.AppendAllText(resumed.Index, "{\"id\":\"vid005\",\"lab");

        using (var writer = FeatureStoreWriter.OpenOrResume(resumed, Manifest))
        {
            Assert.Equal(5, writer.Entries.Count);
        }

        WriteVideos(resumed, Enumerable.Range(5, 7));
        Assert.Equal(Bytes(whole), Bytes(resumed));
    }

    [Fact]
    public void An_index_line_whose_data_never_reached_the_disk_is_dropped()
    {
        using var temp = new TempFolder();
        var layout = new FeatureStoreLayout(temp["store"]);
        WriteVideos(layout, Enumerable.Range(0, 4), complete: false);
        using (var data = new FileStream(layout.Data, FileMode.Open))
        {
            data.SetLength(data.Length - 1);
        }

        using var writer = FeatureStoreWriter.OpenOrResume(layout, Manifest);
        Assert.Equal(3, writer.Entries.Count);
    }

    [Fact]
    public void A_store_made_with_other_settings_is_not_mixed_into()
    {
        using var temp = new TempFolder();
        var layout = new FeatureStoreLayout(temp["store"]);
        WriteVideos(layout, Enumerable.Range(0, 2), complete: false);

        var e = Assert.Throws<BadInputException>(() => FeatureStoreWriter.OpenOrResume(layout, Manifest with { Backbone = "other" }));
        Assert.Contains("other", e.Message);
        Assert.Contains(layout.Folder, e.Message);
    }

    [Fact]
    public void An_incomplete_store_is_not_read()
    {
        using var temp = new TempFolder();
        var layout = new FeatureStoreLayout(temp["store"]);
        WriteVideos(layout, Enumerable.Range(0, 2), complete: false);

        var e = Assert.Throws<BadInputException>(() => FeatureStore.Open(layout.Folder));
        Assert.Contains("not complete", e.Message);
    }

    [Theory]
    [InlineData(1)]     // the last video's final value cut off
    [InlineData(-1)]    // the data file emptied
    public void A_truncated_data_file_is_refused_naming_the_first_video_past_its_end(int cut)
    {
        using var temp = new TempFolder();
        var layout = new FeatureStoreLayout(temp["store"]);
        WriteVideos(layout, Enumerable.Range(0, 5));
        long length = new FileInfo(layout.Data).Length;
        using (var data = new FileStream(layout.Data, FileMode.Open))
        {
            data.SetLength(cut < 0 ? 0 : length - sizeof(ushort));
        }

        var e = Assert.Throws<BadInputException>(() => FeatureStore.Open(layout.Folder));
        Assert.Contains(layout.Data, e.Message);
        Assert.Contains(cut < 0 ? "'vid000'" : "'vid004'", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_store_without_its_index_is_refused_by_name()
    {
        using var temp = new TempFolder();
        var layout = new FeatureStoreLayout(temp["store"]);
        WriteVideos(layout, Enumerable.Range(0, 2));
        File.Delete(layout.Index);

        var e = Assert.Throws<BadInputException>(() => FeatureStore.Open(layout.Folder));
        Assert.Contains(layout.Index, e.Message);
    }

    [Fact]
    public void Merged_shards_equal_a_one_shot_store()
    {
        using var temp = new TempFolder();
        var ids = Enumerable.Range(0, 11).ToList();
        var whole = new FeatureStoreLayout(temp["whole"]);
        WriteVideos(whole, ShardSpec.Whole.Select(ids, i => Video(i).Id));

        var merged = new FeatureStoreLayout(temp["merged"]);
        for (int s = 1; s <= 3; s++)
        {
            var shard = new ShardSpec(s, 3);
            WriteVideos(merged.Shard(shard), shard.Select(ids, i => Video(i).Id));
        }

        Assert.Equal(11, FeatureStoreMerge.Merge(merged, SilentProgress.Instance, CancellationToken.None));
        Assert.Equal(Bytes(whole), Bytes(merged));
    }

    [Fact]
    public void Merging_with_a_shard_missing_names_it()
    {
        using var temp = new TempFolder();
        var merged = new FeatureStoreLayout(temp["merged"]);
        WriteVideos(merged.Shard(new ShardSpec(1, 3)), [0, 3]);
        WriteVideos(merged.Shard(new ShardSpec(3, 3)), [2], complete: false);

        var e = Assert.Throws<BadInputException>(() => FeatureStoreMerge.Merge(merged, SilentProgress.Instance, CancellationToken.None));
        Assert.Contains("not started: 2/3", e.Message);
        Assert.Contains("not finished: 3/3", e.Message);
    }

    [Fact]
    public void Shards_deal_videos_out_round_robin_in_id_order_and_cover_them_once()
    {
        string[] ids = ["e", "a", "d", "b", "c", "f", "g"];
        var shards = Enumerable.Range(1, 3).Select(i => new ShardSpec(i, 3).Select(ids, x => x)).ToList();
        Assert.Equal(["a", "d", "g"], shards[0]);
        Assert.Equal(["b", "e"], shards[1]);
        Assert.Equal(ids.Order(StringComparer.Ordinal), shards.SelectMany(s => s).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1-3")]
    [InlineData("a/b")]
    public void Bad_shard_specs_are_refused(string text)
    {
        Assert.Throws<BadInputException>(() => ShardSpec.Parse(text));
    }
}
