using TorchSharp;
using static TorchSharp.torch;

namespace VideoRecognition.Runtime;

/// <summary>
/// The constant TorchSharp scalars of the arithmetic of every stage, made once and rooted for the process. A scalar
/// made implicitly from a double is an unrooted native object: the garbage collector may finalise it while
/// libtorch still reads it (seen as "Scalar.h toFloat: Expected false to be true" in masked_fill), so every
/// scalar here is made explicitly and either lives in one of these fields or in a using scope around its call.
/// TorchSharp's add and add_ without an alpha (and the + operator on tensors) make their alpha of 1 that way
/// inside TorchSharp (seen in 1 - p(bg) under the stress test), so they are banned too and every add passes
/// <see cref="One"/> (or its own kept-alive factor) as alpha. sub has no alpha in TorchSharp and is safe.
/// </summary>
internal static class Scalars
{
    public static readonly Scalar Zero = 0.0.ToScalar();

    public static readonly Scalar One = 1.0.ToScalar();

    /// <summary>The alpha of an add on integer tensors, which libtorch refuses a floating-point alpha for.</summary>
    public static readonly Scalar OneInteger = 1L.ToScalar();

    public static readonly Scalar Two = 2.0.ToScalar();

    public static readonly Scalar NegativeInfinity = double.NegativeInfinity.ToScalar();

    /// <summary>Keeps logarithms finite where a probability is exactly 0.</summary>
    public static readonly Scalar Tiny = 1e-12.ToScalar();
}
