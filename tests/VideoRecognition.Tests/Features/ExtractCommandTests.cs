using System.Diagnostics;
using VideoRecognition.Features;
using VideoRecognition.Tests.Cli;

namespace VideoRecognition.Tests.Features;

/// <summary>`vrec extract` as a user runs it: real videos, a real backbone, real files, a real kill -9.</summary>
public sealed class ExtractCommandTests(ExtractionDataset dataset) : IClassFixture<ExtractionDataset>
{
    private static byte[][] StoreBytes(string folder)
    {
        var layout = new FeatureStoreLayout(folder);
        Assert.True(File.Exists(layout.Complete), $"{folder} is not a complete store");
        return [File.ReadAllBytes(layout.Manifest), File.ReadAllBytes(layout.Index), File.ReadAllBytes(layout.Data)];
    }

    private string OneShot(TempFolder temp)
    {
        Directory.CreateDirectory(temp["one-shot"]);
        var result = VrecProcess.Run("extract", "--config", dataset.WriteConfig(temp["one-shot"]));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("videos/s", result.Stdout);
        Assert.Contains("segments/s", result.Stdout);
        return temp["one-shot/features"];
    }

    [Fact]
    public void A_run_killed_mid_way_resumes_and_ends_with_the_bytes_of_an_uninterrupted_run()
    {
        using var temp = new TempFolder();
        string expected = OneShot(temp);

        Directory.CreateDirectory(temp["killed"]);
        string config = dataset.WriteConfig(temp["killed"]);
        string index = temp["killed/features/index.jsonl"];
        using (var process = VrecProcess.Start("extract", "--config", config))
        {
            // Wait (polling the store, no fixed sleep) until some but not all videos are written, then kill -9.
            var clock = Stopwatch.StartNew();
            while (LineCount(index) < 4 && !process.HasExited && clock.Elapsed < HangGuard.Limit)
            {
                Thread.Sleep(20);
            }

            Assert.False(process.HasExited, "extraction finished before it could be killed; the test dataset is too small");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        int written = LineCount(index);
        Assert.InRange(written, 4, ExtractionDataset.Videos - 1);
        Assert.False(File.Exists(temp["killed/features/COMPLETE"]));

        var resumed = VrecProcess.Run("extract", "--config", config);
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("already extracted", resumed.Stdout);
        Assert.Equal(StoreBytes(expected), StoreBytes(temp["killed/features"]));
    }

    [Fact]
    public void Shards_merged_equal_a_one_shot_extraction()
    {
        using var temp = new TempFolder();
        string expected = OneShot(temp);

        Directory.CreateDirectory(temp["sharded"]);
        string config = dataset.WriteConfig(temp["sharded"]);
        Assert.Equal(2, VrecProcess.Run("extract", "--config", config, "--merge").ExitCode); // nothing to merge yet
        foreach (string shard in new[] { "2/3", "1/3", "3/3" })
        {
            var result = VrecProcess.Run("extract", "--config", config, "--shard", shard);
            Assert.True(result.ExitCode == 0, result.Output);
        }

        var merge = VrecProcess.Run("extract", "--config", config, "--merge");
        Assert.True(merge.ExitCode == 0, merge.Output);
        Assert.Equal(StoreBytes(expected), StoreBytes(temp["sharded/features"]));
    }

    [Fact]
    public void Broken_and_missing_videos_are_reported_and_the_rest_is_extracted()
    {
        using var temp = new TempFolder();
        string videos = temp["videos"];
        Directory.CreateDirectory(videos);
        foreach (string file in Directory.GetFiles(dataset.Layout.Videos))
        {
            File.Copy(file, Path.Combine(videos, Path.GetFileName(file)));
        }

        string[] files = Directory.GetFiles(videos).Order(StringComparer.Ordinal).ToArray();
        byte[] whole = File.ReadAllBytes(files[0]);
        File.WriteAllBytes(files[0], whole[..(whole.Length / 2)]);                 // cut in half
        File.WriteAllBytes(files[1], []);                                           // zero bytes
        File.WriteAllBytes(files[2], RandomBytes(50_000));                          // random bytes named .mp4
        File.WriteAllText(files[3], "this is a text file, not a video\n");          // text named .mp4
        File.Delete(files[4]);                                                      // missing
        string[] broken = files[..4].Select(IdOf).ToArray();

        Directory.CreateDirectory(temp["run"]);
        string config = dataset.WriteConfig(temp["run"], videos);
        var index = VrecProcess.Run("index", "--config", config);
        Assert.True(index.ExitCode == 0, index.Output);
        string report = File.ReadAllText(temp["run/index/video_index.json"]);
        Assert.Contains("\"missing\": 1", report);
        Assert.Contains("\"unreadable\": 4", report);
        foreach (string id in broken.Append(IdOf(files[4])))
        {
            Assert.Contains(id, index.Stdout);
        }

        var extract = VrecProcess.Run("extract", "--config", config);
        Assert.True(extract.ExitCode == 0, extract.Output);
        Assert.Contains("5 labelled videos are missing or unreadable", extract.Output);
        using var store = FeatureStore.Open(temp["run/features"]);
        Assert.Equal(ExtractionDataset.Videos - 5, store.Videos.Count);
        Assert.DoesNotContain(store.Videos, v => broken.Contains(v.Id));
    }

    private static string IdOf(string file) => Path.GetFileNameWithoutExtension(file)["v_".Length..];

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(5).NextBytes(bytes);
        return bytes;
    }

    private static int LineCount(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            int lines = 0;
            for (int b = stream.ReadByte(); b >= 0; b = stream.ReadByte())
            {
                lines += b == '\n' ? 1 : 0;
            }

            return lines;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }
    }
}
