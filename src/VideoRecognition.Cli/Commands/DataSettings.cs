using System.ComponentModel;
using Spectre.Console.Cli;

namespace VideoRecognition.Cli.Commands;

/// <summary>Options of the commands that read a dataset: where the annotations and videos are.</summary>
internal class DataSettings : RunSettings
{
    [CommandOption("--annotations <FILE>")]
    [Description("ActivityNet annotation file, official or proposal layout (config key: data.annotations).")]
    [ConfigKey("data.annotations")]
    public string? Annotations { get; init; }

    [CommandOption("--video-info <CSV>")]
    [Description("The proposal layout's video_info CSV (config key: data.video_info).")]
    [ConfigKey("data.video_info")]
    public string? VideoInfo { get; init; }

    [CommandOption("--videos <FOLDER>")]
    [Description("Folder of the videos, v_<id>.mp4|.mkv|.webm, searched with its subfolders (config key: data.videos).")]
    [ConfigKey("data.videos")]
    public string? Videos { get; init; }

    [CommandOption("--index <FOLDER>")]
    [Description("Folder for the video index and probe cache (config key: data.index).")]
    [ConfigKey("data.index")]
    public string? Index { get; init; }
}
