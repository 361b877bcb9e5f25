using VideoRecognition.Configuration;
using VideoRecognition.Model;
using VideoRecognition.Progress;
using static TorchSharp.torch;

namespace VideoRecognition.Training;

/// <summary>
/// What the trainer consults for a person's corrections (train.corrections): for a batch of base videos the
/// known label of every marked segment (<see cref="PseudoLabelOverride"/> puts them in place of the
/// pseudo-labels), and per epoch how many marked segments were trained with and how many of them the model
/// itself would have labelled otherwise, for the training log.
/// </summary>
public sealed class CorrectionLabels
{
    private readonly Dictionary<int, long[]> byPosition;
    private int corrected;
    private int changed;

    private CorrectionLabels(Dictionary<int, long[]> byPosition) => this.byPosition = byPosition;

    /// <summary>The marks of the training videos, or null when the config names no corrections file.</summary>
    public static CorrectionLabels? Load(TrainingConfig train, ITrainingBatchSource source, BaseClassSet data, IProgressReporter progress)
    {
        if (string.IsNullOrEmpty(train.Corrections))
        {
            return null;
        }

        SegmentCorrections marks = SegmentCorrections.Read(train.Corrections);
        var byPosition = new Dictionary<int, long[]>();
        for (int i = 0; i < data.Positions.Count; i++)
        {
            int position = data.Positions[i];
            if (marks.Of(source.VideoIds[position]).Count > 0)
            {
                byPosition[position] = marks.Known(source.VideoIds[position], source.Segments, data.Classes[data.Labels[i]]);
            }
        }

        int used = byPosition.Values.Sum(k => k.Count(l => l != 0));
        progress.Log(LogLevel.Info, $"Corrections {train.Corrections}: {marks.Count} marks; {used} on {byPosition.Count} base-class training videos are trained as known labels in place of pseudo-labels");
        return new CorrectionLabels(byPosition);
    }

    /// <returns>[B, T] int64 known labels of the batch's videos (0 where unmarked), or null when none of them is marked.</returns>
    public Tensor? For(IReadOnlyList<int> positions, int segments, TorchSharp.torch.Device device)
    {
        if (!positions.Any(byPosition.ContainsKey))
        {
            return null;
        }

        long[] known = positions.SelectMany(p => byPosition.TryGetValue(p, out long[]? k) ? k : new long[segments]).ToArray();
        return tensor(known, [positions.Count, segments], device: device);
    }

    /// <summary>Counts the marked segments a step trained with.</summary>
    public void Count(PseudoLabels? used)
    {
        corrected += used?.Corrected ?? 0;
        changed += used?.Changed ?? 0;
    }

    /// <summary>The epoch's counts, then starts the next epoch's.</summary>
    public (int Corrected, int Changed) TakeEpoch()
    {
        var counts = (corrected, changed);
        corrected = 0;
        changed = 0;
        return counts;
    }
}
