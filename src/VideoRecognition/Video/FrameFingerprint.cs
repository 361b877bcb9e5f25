using System.Security.Cryptography;
using OpenCvSharp;

namespace VideoRecognition.Video;

/// <summary>
/// A hash of a decoded frame's pixels. Decoding is deterministic, so a seek is exact only when it
/// yields the very same bytes as the sequential pass; a hash compares that without keeping frames.
/// </summary>
internal readonly record struct FrameFingerprint(UInt128 Value)
{
    public static FrameFingerprint Of(Mat frame)
    {
        if (!frame.IsContinuous())
        {
            using Mat copy = frame.Clone();
            return Of(copy);
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(frame.AsSpan<byte>(), digest);
        return new FrameFingerprint(BitConverter.ToUInt128(digest));
    }
}
