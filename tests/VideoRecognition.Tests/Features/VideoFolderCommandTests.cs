using System.Text.Json;
using VideoRecognition.Tests.Cli;

namespace VideoRecognition.Tests.Features;

/// <summary>`vrec index` over video folders as users keep them: in subfolders, with repeats, too large, or broken.</summary>
public sealed class VideoFolderCommandTests(ExtractionDataset dataset) : IClassFixture<ExtractionDataset>
{
    private static JsonElement[] IndexedVideos(string indexFolder)
    {
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(indexFolder, "video_index.json")));
        return report.RootElement.GetProperty("videos").EnumerateArray().Select(v => v.Clone()).ToArray();
    }

    private static string Status(JsonElement video) => video.GetProperty("status").GetString()!;

    [Fact]
    public void Videos_in_subfolders_are_found_and_two_files_of_one_id_are_reported_not_both_used()
    {
        using var temp = new TempFolder();
        string[] files = Directory.GetFiles(dataset.Layout.Videos).Order(StringComparer.Ordinal).ToArray();
        for (int i = 0; i < files.Length; i++)
        {
            // By class and by shard, two levels deep, as mirrors keep them.
            string folder = temp[$"videos/class{i % 3}/shard{i % 2}"];
            Directory.CreateDirectory(folder);
            File.Copy(files[i], Path.Combine(folder, Path.GetFileName(files[i])));
        }

        string twice = Path.GetFileName(files[5]);
        string id = Path.GetFileNameWithoutExtension(twice)["v_".Length..];
        Directory.CreateDirectory(temp["videos/zz-copies"]);
        string copy = temp["videos/zz-copies/" + id + ".mp4"];
        File.Copy(files[5], copy);

        Directory.CreateDirectory(temp["run"]);
        var index = VrecProcess.Run("index", "--config", dataset.WriteConfig(temp["run"], temp["videos"]));
        Assert.True(index.ExitCode == 0, index.Output);

        JsonElement[] videos = IndexedVideos(temp["run/index"]);
        Assert.Equal(ExtractionDataset.Videos, videos.Length);
        Assert.All(videos.Where(v => v.GetProperty("id").GetString() != id), v => Assert.Equal("ok", Status(v)));
        JsonElement repeated = videos.Single(v => v.GetProperty("id").GetString() == id);
        Assert.Equal("suspicious", Status(repeated));
        string used = repeated.GetProperty("file").GetString()!;
        Assert.StartsWith(temp["videos/class"], used);
        string issues = string.Join("; ", repeated.GetProperty("issues").EnumerateArray().Select(i => i.GetString()));
        Assert.Contains($"SeveralFiles: 2 files have this id; using {used}, not {copy}", issues);
        Assert.Contains(id, index.Stdout);
    }

    [Fact]
    public void Frames_larger_than_the_cap_are_refused_unread_naming_the_file()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["run"]);
        string config = dataset.WriteConfig(temp["run"]);
        var index = VrecProcess.Run("index", "--config", config, "--set", "video.max_frame_pixels=1000");
        VrecProcess.AssertRefused(index, $"none of the {ExtractionDataset.Videos} annotated videos is usable");
        JsonElement[] videos = IndexedVideos(temp["run/index"]);
        Assert.All(videos, v =>
        {
            Assert.Equal("unreadable", Status(v));
            Assert.Equal(0, v.GetProperty("decoded_frames").GetInt32()); // refused before decoding
            string file = v.GetProperty("file").GetString()!;
            Assert.Contains(v.GetProperty("issues").EnumerateArray(), i => i.GetString()!.StartsWith($"FrameTooLarge: {file} has ", StringComparison.Ordinal)
                && i.GetString()!.Contains("more than video.max_frame_pixels (1000)", StringComparison.Ordinal));
        });

        var extract = VrecProcess.Run("extract", "--config", config, "--set", "video.max_frame_pixels=1000");
        Assert.Equal(2, extract.ExitCode);
        Assert.Contains("no usable labelled video", extract.Stderr);

        // The refusals are cached with the limit they met: a larger limit probes the files again.
        var admitted = VrecProcess.Run("index", "--config", config);
        Assert.True(admitted.ExitCode == 0, admitted.Output);
        Assert.All(IndexedVideos(temp["run/index"]), v => Assert.Equal("ok", Status(v)));
    }

    [Fact]
    public void An_index_of_a_folder_without_the_videos_is_written_and_refused()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["run"]);
        Directory.CreateDirectory(temp["elsewhere"]);
        var index = VrecProcess.Run("index", "--config", dataset.WriteConfig(temp["run"], temp["elsewhere"]));

        VrecProcess.AssertRefused(index, $"none of the {ExtractionDataset.Videos} annotated videos is usable in {temp["elsewhere"]}");
        Assert.All(IndexedVideos(temp["run/index"]), v => Assert.Equal("missing", Status(v)));
    }

    [Fact]
    public void OpenCV_and_FFmpeg_log_lines_follow_the_log_level()
    {
        using var temp = new TempFolder();
        string[] files = Directory.GetFiles(dataset.Layout.Videos).Order(StringComparer.Ordinal).ToArray();
        Directory.CreateDirectory(temp["videos"]);
        foreach (string file in files[..4])
        {
            File.Copy(file, temp["videos/" + Path.GetFileName(file)]);
        }

        // Files the decoder refuses make OpenCV and FFmpeg log ("[ WARN:0@...] global cap.cpp ... VIDEOIO(FFMPEG)", "[mov,mp4,... @ 0x...]").
        File.WriteAllText(temp["videos/" + Path.GetFileName(files[0])], "this is a text file, not a video\n");
        var random = new byte[50_000];
        new Random(5).NextBytes(random);
        File.WriteAllBytes(temp["videos/" + Path.GetFileName(files[1])], random);

        Directory.CreateDirectory(temp["quiet"]);
        var quiet = VrecProcess.Run("index", "--config", dataset.WriteConfig(temp["quiet"], temp["videos"]));
        Assert.True(quiet.ExitCode == 0, quiet.Output);
        Directory.CreateDirectory(temp["debug"]);
        var debug = VrecProcess.Run("index", "--config", dataset.WriteConfig(temp["debug"], temp["videos"]), "--log-level", "debug");
        Assert.True(debug.ExitCode == 0, debug.Output);

        Assert.Contains("VIDEOIO", debug.Stderr);
        Assert.DoesNotContain("VIDEOIO", quiet.Output);
        Assert.DoesNotContain("WARN:", quiet.Output);
        Assert.DoesNotContain(" @ 0x", quiet.Output);
        Assert.Contains("unreadable", quiet.Stdout);
    }
}
