using VideoRecognition.Runtime;

namespace VideoRecognition.Tests.Runtime;

public sealed class NativeLibrariesTests
{
    [Fact]
    public void Both_native_stacks_load_and_opencv_has_ffmpeg()
    {
        NativeCheck check = NativeLibraries.Check();

        Assert.True(check.TorchLoaded, check.TorchDetail);
        Assert.True(check.OpenCvLoaded, check.OpenCvDetail);
        Assert.True(check.FfmpegInOpenCv, check.OpenCvDetail);
        Assert.True(check.AllGood);
        Assert.Contains("TorchSharp", check.TorchDetail);
        Assert.Contains("FFMPEG:", check.OpenCvDetail);
    }
}
