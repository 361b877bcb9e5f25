using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VideoRecognition.Cli.Rendering;
using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Datasets.ActivityNet;
using VideoRecognition.Pipeline;
using VideoRecognition.Runs;

namespace VideoRecognition.Cli.Commands;

/// <summary>`vrec split`: draw a seeded few-shot class split from an annotation file, or check a given split against one.</summary>
internal sealed class SplitCommand : Command<SplitCommand.Settings>
{
    public sealed class Settings : RunSettings
    {
        [CommandOption("-a|--annotations <FILE>")]
        [Description("ActivityNet annotations: activity_net.v1-x.min.json or the proposal-style anet_anno_action.json.")]
        public string? Annotations { get; init; }

        [CommandOption("--video-info <CSV>")]
        [Description("The proposal layout's video_info_new.csv (subsets, fps); only read to report on the videos.")]
        public string? VideoInfo { get; init; }

        [CommandOption("--classes <FILE>")]
        [Description("Class names, one per line (e.g. action_name.csv); default: the taxonomy leaves or the labels that occur.")]
        public string? Classes { get; init; }

        [CommandOption("--shares <BASE,VAL,NOVEL>")]
        [Description("Shares of classes per part, adding up to 1.")]
        [DefaultValue("0.64,0.16,0.20")]
        public string Shares { get; init; } = "0.64,0.16,0.20";

        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the split file.")]
        public string? Output { get; init; }

        [CommandOption("--check <SPLIT>")]
        [Description("Instead of drawing a split, check this split file against the annotations' classes.")]
        public string? Check { get; init; }

        public override ValidationResult Validate()
        {
            if (Annotations is null)
            {
                return ValidationResult.Error("--annotations FILE is required: the ActivityNet annotation file whose classes are split.");
            }

            return (Output is null) == (Check is null)
                ? ValidationResult.Error("give either --out FILE (draw a split) or --check SPLIT (check an existing one).")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RunConfig config = settings.LoadConfig();
        ActivityNetAnnotations annotations = ActivityNetAnnotationReader.Read(settings.Annotations!, new AnnotationReadOptions
        {
            VideoInfoPath = settings.VideoInfo,
            MaxMessages = 5,
            Classes = settings.Classes is { } classes ? ClassListFile.Read(classes) : null,
        });
        SummaryTable.Write(annotations);

        if (settings.Check is { } check)
        {
            ClassSplit given = SplitJob.Check(annotations, settings.Annotations!, check);
            SummaryTable.Write(given, $"'{check}' fits: every class of the annotations is in exactly one part.");
            return ExitCodes.Ok;
        }

        ClassSplit split = SplitJob.Draw(annotations, settings.Annotations!, settings.Shares, config.Seed, settings.Output!);
        SummaryTable.Write(split, $"Wrote {Path.GetFullPath(settings.Output!)} (seed {config.Seed}).");
        return ExitCodes.Ok;
    }
}
