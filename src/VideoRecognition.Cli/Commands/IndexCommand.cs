using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec index`: find every annotated video on disk, probe it, report what is missing or wrong.</summary>
internal sealed class IndexCommand : Command<DataSettings>
{
    public override int Execute(CommandContext context, DataSettings settings, CancellationToken cancellationToken)
    {
        RunConfig config = settings.LoadConfig();
        string output = settings.PrepareOutput(config, config.Data.Index);

        var (annotations, index) = ConsoleReporter.Run(settings.LogLevel, progress => IndexJob.Index(config, progress, cancellationToken));

        // Each problem was logged as it was read; the table counts them.
        SummaryTable.Write(annotations, withMessages: false);
        SummaryTable.Write(index, Path.Combine(output, VideoIndex.FileName));

        // An index in which no video can be used almost always means a wrong --videos folder; the report stays written.
        return index.Usable().Count > 0
            ? ExitCodes.Ok
            : throw new BadInputException($"none of the {index.Videos.Count} annotated videos is usable in {config.Data.Videos} (--videos, data.videos): each is missing or unreadable, as the report says:  {Path.Combine(output, VideoIndex.FileName)}");
    }
}
