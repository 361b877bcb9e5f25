using VideoRecognition.Configuration;
using VideoRecognition.Datasets;
using VideoRecognition.Datasets.Synthetic;
using VideoRecognition.Features;
using VideoRecognition.Model;
using VideoRecognition.Runs;
using VideoRecognition.Runtime;
using VideoRecognition.Training;
using VideoRecognition.Video;
using static TorchSharp.torch;

namespace VideoRecognition.Pipeline;

/// <summary>How the segments to mark are chosen: as the report suggests them (least sure first), or at random.</summary>
public enum MarkChoice
{
    Uncertainty,
    Random,
}

/// <summary>
/// A person's marks simulated from the synthetic ground truth, on the base-class training segments a person
/// would be shown: every segment of every base-class video in the feature store, with the reference model's
/// <see cref="LabelMargin"/> for the uncertainty choice. A mark says what the ground truth says (the kind
/// covering most of the segment, FG with the video's class), in the corrections-file format the report saves.
/// </summary>
public sealed class SimulatedMarks
{
    private readonly IReadOnlyList<SegmentMargin> margins;
    private readonly Dictionary<(string Video, int Segment), SegmentMark> truth;
    private readonly Seed seed;

    private SimulatedMarks(IReadOnlyList<SegmentMargin> margins, Dictionary<(string, int), SegmentMark> truth, Seed seed)
    {
        this.margins = margins;
        this.truth = truth;
        this.seed = seed;
    }

    /// <summary>Every base-class training segment.</summary>
    public int Segments => margins.Count;

    /// <summary>How many base-class training segments the store holds, without scoring them.</summary>
    public static int BaseSegments(RunConfig config)
    {
        using var store = FeatureStore.Open(config.Features.Output);
        return BaseClassSet.From(store, ClassSplit.Read(config.Data.Splits), config.Data.Splits).Positions.Count * store.Manifest.Segments;
    }

    /// <summary>Scores every base-class segment of the store with the model of <paramref name="checkpoint"/>; refuses without ground truth.</summary>
    public static SimulatedMarks Prepare(RunConfig config, string checkpoint, CancellationToken ct)
    {
        if (!File.Exists(config.Data.GroundTruth))
        {
            throw new BadInputException(
                $"simulated corrections need the ground truth of every segment, and data.ground_truth '{config.Data.GroundTruth}' does not exist; " +
                "they run on a synthetic set (vrec synth writes ground_truth.json)");
        }

        var groundTruth = GroundTruthJson.Read(config.Data.GroundTruth).Videos.ToDictionary(v => v.Id, StringComparer.Ordinal);
        using var store = FeatureStore.Open(config.Features.Output);
        using var trained = TrainedModel.Load(checkpoint, store.Manifest, config.Device, RunConfigFile.ModelConfigOf);
        var data = BaseClassSet.From(store, ClassSplit.Read(config.Data.Splits), config.Data.Splits);
        var batches = new FeatureBatches(store, Backbones.BackboneFactory.ToTorch(config.Device));
        int segments = store.Manifest.Segments;
        var margins = new List<SegmentMargin>();
        var marks = new Dictionary<(string, int), SegmentMark>();
        foreach (int position in data.Positions)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            FeatureEntry entry = store.Videos[position];
            GroundTruthVideo gt = groundTruth.TryGetValue(entry.Id, out var found)
                ? found
                : throw new BadInputException($"{config.Data.GroundTruth} has no ground truth for base-class video '{entry.Id}'; it must be the ground truth of the set the features came from");
            var probabilities = trained.Model.Infer(batches.Read([position], _ => FeatureStoreManifest.TestView)).Probabilities;
            double[] margin = LabelMargin.Of(probabilities, trained.Classes.ToList().IndexOf(entry.Label), trained.Classes.Count, trained.Model.Config);
            foreach (SampledSegment s in new SegmentSampler(segments).TestFrames(entry.Frames, entry.Fps))
            {
                margins.Add(new SegmentMargin(entry.Id, s.Index, margin[s.Index]));
                PseudoLabel kind = SegmentTruth.Majority(gt, s.Index, segments);
                marks[(entry.Id, s.Index)] = new SegmentMark(entry.Id, s.Index, segments, s.StartSeconds, s.EndSeconds, kind, kind == PseudoLabel.Fg ? entry.Label : null);
            }
        }

        return new SimulatedMarks(margins, marks, Seed.From(config.Seed).Derive("corrections.random"));
    }

    /// <summary>
    /// The marks on <paramref name="count"/> segments. Each choice takes a prefix of one fixed order (least sure
    /// first, or one seeded shuffle), so a smaller share's segments are among a larger share's, as a person
    /// marking more would keep the earlier marks.
    /// </summary>
    public IReadOnlyList<SegmentMark> Choose(MarkChoice choice, int count)
    {
        IEnumerable<SegmentMargin> chosen = choice switch
        {
            MarkChoice.Uncertainty => MarkSuggestions.LeastSure(margins, count),
            MarkChoice.Random => Shuffled().Take(count),
            _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
        };
        return chosen.Select(m => truth[(m.Video, m.Segment)]).ToList();
    }

    private IEnumerable<SegmentMargin> Shuffled()
    {
        var order = margins.OrderBy(m => m.Video, StringComparer.Ordinal).ThenBy(m => m.Segment).ToArray();
        seed.ToRandom().Shuffle(order);
        return order;
    }
}
