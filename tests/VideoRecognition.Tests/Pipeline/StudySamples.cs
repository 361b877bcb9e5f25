using VideoRecognition.Pipeline;

namespace VideoRecognition.Tests.Pipeline;

/// <summary>
/// Three seeds of a hand-made study with round numbers, so the tests can work the statistics out by hand:
/// full and baseline (and no-contrastive) per seed; seed 2 has no localisation; only full logged an AUROC.
/// </summary>
internal static class StudySamples
{
    public static readonly StudyPlan Plan = new([0, 1, 2], "/tmp/study", "my.yaml", ["train.epochs=2", "eval.episodes=20"]);

    //                              seed:   0     1     2
    public static readonly double[] Full1 = [0.60, 0.70, 0.80];
    public static readonly double[] Base1 = [0.50, 0.65, 0.60];
    public static readonly double[] Full5 = [0.90, 0.90, 0.90];
    public static readonly double[] Base5 = [0.90, 0.80, 1.00];
    public static readonly double?[] FullIoU = [0.50, 0.60, null];
    public static readonly double?[] BaseIoU = [0.40, 0.30, null];
    public static readonly double[] FullAuroc = [0.90, 0.95, 0.85];

    public static IReadOnlyList<StudySeedResult> Seeds(bool withAuroc = true) =>
        Enumerable.Range(0, 3).Select(i => Seed(i, withAuroc)).ToList();

    private static StudySeedResult Seed(int i, bool withAuroc) => new(
        i,
        "novel",
        5,
        5,
        20,
        "prototype",
        1000UL + (ulong)i,
        [
            Model("full", Full1[i], Full5[i], FullIoU[i], withAuroc ? new Dictionary<string, double> { ["nbg_auroc_background"] = FullAuroc[i], ["nbg_precision"] = 0.5 } : []),
            Model("baseline", Base1[i], Base5[i], BaseIoU[i], []),
            Model("no-contrastive", Full1[i], Full5[i], FullIoU[i], []),
        ]);

    private static StudyModelResult Model(string name, double oneShot, double fiveShot, double? iou, Dictionary<string, double> training) => new(
        name,
        [new ShotAccuracy(1, oneShot, 0.05, "student_t", 20), new ShotAccuracy(5, fiveShot, 0.03, "student_t", 20)],
        iou,
        iou is null ? null : iou / 2,
        training);
}
