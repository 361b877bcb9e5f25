using TorchSharp;
using VideoRecognition.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace VideoRecognition.Model;

/// <summary>
/// The contrastive loss: InfoNCE on cosine similarities of projections q (L2-normalised), temperature tau.
/// For an anchor segment i of view A, with s(u, v) = cos(u, v) / tau:
/// <code>
/// l_i = -log( exp s(a_i, b_i) / ( exp s(a_i, b_i) + sum_{n in N_i} exp s(a_i, n) ) )
/// </code>
/// where b_i is the same segment in view B and N_i holds the negatives of both views except segment i
/// itself: every other segment (SimCLR), or only those marked negative (the NBG segments). L = mean_i l_i over
/// the anchors; 0 when there are none. <see cref="Symmetric"/> averages both directions (A to B and B to A), so
/// each view serves as anchor once.
/// </summary>
public static class InfoNce
{
    /// <param name="viewA">[N, P] projections of N segments in view A.</param>
    /// <param name="viewB">[N, P] projections of the same N segments, in the same order, in view B.</param>
    /// <param name="anchors">[N] bool: segments that are anchors (FG and IBG).</param>
    /// <param name="negatives">[N] bool: segments usable as negatives (NBG), or null for every other segment.</param>
    /// <param name="temperature">tau_c.</param>
    /// <returns>Scalar loss.</returns>
    public static Tensor Symmetric(Tensor viewA, Tensor viewB, Tensor anchors, Tensor? negatives, double temperature)
    {
        using var scope = NewDisposeScope();
        Tensor loss = Loss(viewA, viewB, anchors, negatives, temperature).add(Loss(viewB, viewA, anchors, negatives, temperature), Scalars.One).div(Scalars.Two);
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>One direction: anchors from view A, positives from view B.</summary>
    public static Tensor Loss(Tensor viewA, Tensor viewB, Tensor anchors, Tensor? negatives, double temperature)
    {
        using var scope = NewDisposeScope();
        using Scalar tau = temperature.ToScalar();
        long n = viewA.shape[0];
        Tensor a = normalize(viewA, p: 2, dim: 1);
        Tensor b = normalize(viewB, p: 2, dim: 1);
        Tensor candidates = cat([a, b], 0);                         // [2N, P]: column j is segment j mod N
        Tensor similarity = a.mm(candidates.t()).div(tau);     // [N, 2N]

        using Scalar count = n.ToScalar();
        Tensor segment = arange(count, dtype: ScalarType.Int64, device: viewA.device);  // [N]
        Tensor positiveColumn = segment.add(count, Scalars.OneInteger).unsqueeze(1);                 // [N, 1]
        Tensor columnSegment = cat([segment, segment], 0);                          // [2N]
        Tensor isNegative = columnSegment.unsqueeze(0).ne(segment.unsqueeze(1));    // [N, 2N]: not the anchor's own segment
        if (negatives is not null)
        {
            isNegative = isNegative.logical_and(negatives.to(ScalarType.Bool)[columnSegment].unsqueeze(0));
        }

        Tensor isPositive = zeros_like(isNegative).scatter(1, positiveColumn, ones_like(positiveColumn, dtype: ScalarType.Bool));
        Tensor logits = similarity.masked_fill(isNegative.logical_or(isPositive).logical_not(), Scalars.NegativeInfinity);
        Tensor perAnchor = logits.logsumexp(1) - similarity.gather(1, positiveColumn).squeeze(1); // [N]

        Tensor chosen = perAnchor[anchors.to(ScalarType.Bool)];
        Tensor loss = chosen.shape[0] == 0 ? zeros([], dtype: viewA.dtype, device: viewA.device) : chosen.mean();
        return loss.MoveToOuterDisposeScope();
    }
}
