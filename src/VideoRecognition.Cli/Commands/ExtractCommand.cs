using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Features;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec extract`: segment features of every usable labelled video, resumable and shardable.</summary>
internal sealed class ExtractCommand : Command<ExtractCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("-o|--out <FOLDER>")]
        [Description("Feature store folder (config key: features.output).")]
        [ConfigKey("features.output")]
        public string? Output { get; init; }

        [CommandOption("--shard <I/N>")]
        [Description("Extract only shard I of N (1-based; videos dealt round robin by id), into <out>/shards/. Run every shard, then --merge.")]
        public string? Shard { get; init; }

        [CommandOption("--merge")]
        [Description("Join the finished shards under <out>/shards/ into the store.")]
        public bool Merge { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunConfig config = settings.LoadConfig();
        if (settings.Merge && settings.Shard is not null)
        {
            throw new BadInputException("--merge and --shard do not go together: extract every shard first, then merge once");
        }

        string output = settings.PrepareOutput(config, config.Features.Output);
        if (settings.Merge)
        {
            int videos = ConsoleReporter.Run(settings.LogLevel, progress => ExtractionJob.Merge(config, progress, cancellationToken));
            AnsiConsole.MarkupLine($"Merged {videos} videos into [bold]{Markup.Escape(output)}[/]");
            return ExitCodes.Ok;
        }

        ShardSpec shard = settings.Shard is null ? ShardSpec.Whole : ShardSpec.Parse(settings.Shard);
        ExtractionSummary summary = ConsoleReporter.Run(settings.LogLevel, progress => ExtractionJob.Extract(config, shard, progress, cancellationToken));
        SummaryTable.Write(summary, shard.IsWhole ? output : new FeatureStoreLayout(output).Shard(shard).Folder);
        return ExitCodes.Ok;
    }
}
