namespace VideoRecognition.Model;

/// <summary>
/// How "closest to uniform" is measured when picking the NBG segments of a video (config key
/// `model.nbg_criterion`). Every criterion looks only at the base-class distribution renormalised over C.
/// </summary>
public enum NbgCriterion
{
    /// <summary>Highest entropy H(p) = -sum_c p_c log p_c (the method's default).</summary>
    Entropy,

    /// <summary>
    /// Smallest KL(u || p) = -log C - (1/C) sum_c log p_c, with u the uniform distribution. The other direction,
    /// KL(p || u) = log C - H(p), would rank segments exactly like <see cref="Entropy"/>, so it is not offered;
    /// KL(u || p) differs by punishing any class the segment rules out (p_c near 0).
    /// </summary>
    KlUniform,

    /// <summary>Lowest max_c p_c: no base class stands out.</summary>
    MinMaxProbability,
}
