using VideoRecognition.Datasets;
using VideoRecognition.Runtime;

namespace VideoRecognition.FewShot;

/// <summary>Several models evaluated on the same episode set (described by split, N, K, Q, seed and its size).</summary>
public sealed record FewShotResult(
    SplitPart Split,
    int Way,
    int Shot,
    int Query,
    Seed Seed,
    int Episodes,
    FewShotClassifierKind Classifier,
    IReadOnlyList<ModelResult> Models);
