using System.Reflection;
using System.Runtime.InteropServices;
using OpenCvSharp;
using static TorchSharp.torch;

namespace VideoRecognition.Runtime;

/// <summary>Whether the two native stacks load, with a message a user can act on when one does not.</summary>
public sealed record NativeCheck(bool TorchLoaded, string TorchDetail, bool OpenCvLoaded, bool FfmpegInOpenCv, string OpenCvDetail)
{
    public bool AllGood => TorchLoaded && OpenCvLoaded && FfmpegInOpenCv;

    public string Report =>
        $"libtorch: {(TorchLoaded ? "ok" : "FAILED")} - {TorchDetail}{Environment.NewLine}" +
        $"OpenCV:   {(OpenCvLoaded ? FfmpegInOpenCv ? "ok" : "loaded, NO FFmpeg" : "FAILED")} - {OpenCvDetail}";
}

/// <summary>
/// Loads libtorch and OpenCV once, early, so a missing system library surfaces as one readable
/// message instead of a TypeInitializationException deep inside training or decoding.
/// </summary>
public static class NativeLibraries
{
    public static NativeCheck Check()
    {
        (bool torchLoaded, string torchDetail) = CheckTorch();
        (bool openCvLoaded, bool ffmpeg, string openCvDetail) = CheckOpenCv();
        return new NativeCheck(torchLoaded, torchDetail, openCvLoaded, ffmpeg, openCvDetail);
    }

    private static (bool Loaded, string Detail) CheckTorch()
    {
        try
        {
            using var scope = NewDisposeScope();
            float sum = ones(2).sum().item<float>();
            if (sum != 2f)
            {
                return (false, $"libtorch loaded but computed 1+1 = {sum}");
            }

            string version = typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                             ?? typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown";
            return (true, $"TorchSharp {version}, {get_num_threads()} threads");
        }
        // The loader reports failure through several exception types (DllNotFoundException,
        // NotSupportedException, wrapped in TypeInitializationException); all mean "cannot use torch".
        catch (Exception e)
        {
            // TorchSharp's own message is a long probing trace without the loader's reason; ask the loader directly.
            string message = LoaderError() ?? FirstLine(Innermost(e));
            string hint = message.Contains("GLIBCXX", StringComparison.Ordinal)
                ? "libLibTorchSharp.so needs a newer libstdc++ (GLIBCXX_3.4.32). The build marks that requirement weak in the output copy; rebuild with `dotnet build` (do not copy the library from the NuGet cache by hand)."
                : "Run scripts/setup.sh, then rebuild with `dotnet build` so the native libraries are copied and patched into the output folder.";
            return (false, $"{message} {hint}");
        }
    }

    private static (bool Loaded, bool Ffmpeg, string Detail) CheckOpenCv()
    {
        string info;
        try
        {
            info = Cv2.GetBuildInformation();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return (false, false, $"{Innermost(e)} libOpenCvSharpExtern.so needs GTK 3 (libgtk-3.so.0, libgdk-3.so.0): run scripts/setup.sh (installs libgtk-3-0).");
        }

        string? ffmpegLine = info.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("FFMPEG:", StringComparison.Ordinal));
        bool ffmpeg = ffmpegLine is not null && ffmpegLine.Contains("YES", StringComparison.Ordinal);
        string detail = $"OpenCV {Cv2.GetVersionString()}, {ffmpegLine ?? "no FFMPEG line in the build information"}";
        return (true, ffmpeg, ffmpeg ? detail : $"{detail}: this OpenCV build cannot decode video files.");
    }

    private static string? LoaderError()
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"),
        ];
        foreach (string path in candidates.Where(File.Exists))
        {
            try
            {
                NativeLibrary.Free(NativeLibrary.Load(path));
            }
            catch (DllNotFoundException e)
            {
                return e.Message;
            }
        }

        return null;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }
}
