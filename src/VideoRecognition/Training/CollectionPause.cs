using System.Runtime;

namespace VideoRecognition.Training;

/// <summary>
/// Holds the garbage collector off while TorchSharp's own optimizer and gradient-clipping code runs. That code
/// makes TorchSharp scalars implicitly from doubles; a collection in the middle of a call can finalise such a
/// scalar while libtorch still reads it ("Scalar.h toFloat: Expected false to be true" in add_scalar, seen twice
/// in about fifty 15-epoch runs, inside optimizer code, after the model's own scalars were rooted). Our code
/// cannot root scalars it does not make, so it keeps collections out of the window instead. Best effort: when
/// the runtime cannot promise the budget without a full blocking collection, the step runs unprotected.
/// </summary>
internal readonly struct CollectionPause : IDisposable
{
    // Managed allocations of one optimizer step are tensor wrappers, a few KiB per parameter tensor.
    private const long Budget = 16L << 20;

    private readonly bool started;

    private CollectionPause(bool started) => this.started = started;

    public static CollectionPause Begin()
    {
        try
        {
            return new CollectionPause(GC.TryStartNoGCRegion(Budget, disallowFullBlockingGC: true));
        }
        catch (InvalidOperationException)
        {
            return default; // another pause is active (nested or on another thread)
        }
    }

    public void Dispose()
    {
        if (!started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return; // the budget ran out or something collected explicitly: the region has already ended
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // ended between the check and the call by a collection on another thread
        }
    }
}
