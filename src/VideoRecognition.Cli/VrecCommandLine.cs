using Spectre.Console.Cli;
using VideoRecognition.Cli.Commands;

namespace VideoRecognition.Cli;

/// <summary>The `vrec` commands, their descriptions and examples, and what runs around every command.</summary>
internal static class VrecCommandLine
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("vrec");
        config.SetApplicationVersion(typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        config.Settings.PropagateExceptions = false;
        config.Settings.StrictParsing = true;
        config.SetExceptionHandler((exception, _) => FailureReport.Write(exception));
        config.SetInterceptor(new CommandPrologue());

        config.AddCommand<SynthCommand>("synth")
            .WithDescription("Generate the synthetic untrimmed-video benchmark (real video files, ActivityNet-layout annotations, FG/IBG/NBG ground truth).")
            .WithExample("synth")
            .WithExample("synth", "--out", "data/synth40", "--classes", "40", "--seed", "3");
        config.AddCommand<IndexCommand>("index")
            .WithDescription("Find every annotated video on disk, probe it (cached), and report missing, unreadable and suspicious videos.")
            .WithExample("index", "--annotations", "activity_net.v1-3.min.json", "--videos", "/data/anet/videos", "--index", "runs/anet13/index");
        config.AddCommand<ExtractCommand>("extract")
            .WithDescription("Extract segment features of every usable labelled video into a resumable store; --shard i/n and --merge for clusters.")
            .WithExample("extract", "--config", "configs/anet13-5way.yaml", "--shard", "3/16")
            .WithExample("extract", "--config", "configs/anet13-5way.yaml", "--merge");
        config.AddCommand<ImportFeaturesCommand>("import-features")
            .WithDescription("Import published ActivityNet features (C3D HDF5, BSN/BMN csv_mean_100, per-video .npy) into the feature store, matched to an annotation file.")
            .WithExample("import-features", "--config", "configs/anet13-c3d-5way.yaml")
            .WithExample("import-features", "--annotations", "anet_anno_action.json", "--video-info", "video_info_new.csv", "--from", "csv_mean_100", "--out", "runs/anet13-tsn/features");
        config.AddCommand<SplitCommand>("split")
            .WithDescription("Draw a seeded few-shot class split (base / val / novel) from an ActivityNet annotation file, or check one.")
            .WithExample("split", "--annotations", "activity_net.v1-2.min.json", "--seed", "0", "--out", "datasets/activitynet/anet12_split_seed0.txt")
            .WithExample("split", "--annotations", "anet_anno_action.json", "--check", "my_split.txt");
        config.AddCommand<TrainCommand>("train")
            .WithDescription("Train the annotation-efficient model (or the TSN baseline) on the base classes of a feature store.")
            .WithExample("train", "--config", "configs/synthetic.yaml")
            .WithExample("train", "--config", "configs/anet13-5way.yaml", "--resume");
        config.AddCommand<EvalCommand>("eval")
            .WithDescription("Few-shot N-way K-shot episode evaluation of one or more checkpoints on the same episodes, with confidence intervals, per-class accuracy, confusion matrices and localisation.")
            .WithExample("eval", "--checkpoint", "runs/full/checkpoints/best", "--checkpoint", "runs/baseline/checkpoints/best", "--way", "5", "--shot", "1", "--query", "5", "--episodes", "10000", "--split", "novel")
            .WithExample("eval", "--checkpoint", "runs/full/checkpoints/best", "--replay", "runs/eval/episodes-5way-1shot.json");
        config.AddCommand<InspectCommand>("inspect")
            .WithDescription("Write an HTML report of what a model thinks of every segment of some videos: thumbnails, pseudo-labels, self-weights, top classes, ground truth, training curves.")
            .WithExample("inspect", "--checkpoint", "runs/full/checkpoints/best", "--videos", "synth00042,synth00107", "--results", "runs/eval/results-5way-1shot.json");
        config.AddCommand<RecogniseCommand>("recognise")
            .WithDescription("Recognise novel actions in your own videos from a few labelled examples each: ranked classes, \"none of these\", action spans in seconds; JSON and an HTML report.")
            .WithExample("recognise", "--checkpoint", "runs/full/checkpoints/best", "--support", "my-support/", "--queries", "my-videos/", "--out", "runs/recognise")
            .WithExample("recognise", "--checkpoint", "runs/demo/runs/full/checkpoints/best", "--held-out-novel", "--shots", "3", "--out", "runs/recognise-held-out");
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Benchmarks that produce the README's figures, with the machine they ran on.");
            bench.AddCommand<BenchExtractCommand>("extract")
                .WithDescription("Decode-only, backbone-only and overlapped feature-extraction throughput.")
                .WithExample("bench", "extract", "--count", "60");
            bench.AddCommand<BenchTrainCommand>("train")
                .WithDescription("Head-training throughput and resident memory per epoch on an ActivityNet-sized generated feature store.")
                .WithExample("bench", "train", "--count", "10000", "--epochs", "3");
            bench.AddCommand<BenchImportCommand>("import")
                .WithDescription("Import time, store size and resident memory on an ActivityNet-sized generated feature set in one published layout, then one training epoch and 10,000 5-way 5-shot episodes on it.")
                .WithExample("bench", "import", "--config", "configs/anet13-tsn-5way.yaml", "--annotations", "../shared/data/activitynet/anet_anno_action.json", "--video-info", "../shared/data/activitynet/video_info_new.csv", "--format", "c3d_hdf5");
            bench.AddCommand<BenchEvalCommand>("eval")
                .WithDescription("Time to sample and evaluate few-shot episodes from cached embeddings.")
                .WithExample("bench", "eval", "--shot", "5", "--episodes", "10000");
        });
        config.AddCommand<DemoCommand>("demo")
            .WithDescription("Run the whole job on the built-in synthetic default.")
            .WithExample("demo");
        config.AddCommand<StudyCommand>("study")
            .WithDescription("Repeat the demo over seeds (each its own dataset, split, initialisation and episodes): mean and std across seeds, and paired differences against the full method with 95% intervals.")
            .WithExample("study", "--seeds", "0,1,2,3,4")
            .WithExample("study", "--only", "3", "--out", "runs/study")
            .WithExample("study", "--aggregate", "--out", "runs/study");
        config.AddCommand<StudyCorrectionsCommand>("study-corrections")
            .WithDescription("What a few marks are worth: marks simulated from the synthetic ground truth on 1%, 5% and 20% of the base-class segments, chosen as the report suggests (least sure first) or at random; retrained with the reference run's config and evaluated (NBG precision, novel 1-shot accuracy).")
            .WithExample("study-corrections", "--run", "runs/demo/runs/full", "--out", "runs/study-corrections")
            .WithExample("study-corrections", "--run", "runs/demo/runs/full", "--fractions", "1,20", "--set", "eval.episodes=2000");
        config.AddCommand<ConfigCommand>("config")
            .WithDescription("Print the effective configuration (file, then overrides, then defaults) as YAML.")
            .WithExample("config", "--config", "configs/synthetic.yaml", "--set", "synth.classes=40");
    }
}
