namespace VideoRecognition.Tests.Runtime;

/// <summary>
/// A fact that is reported as skipped, with the reason, when the NuGet package cache holds no
/// untouched libLibTorchSharp.so (xunit 2 has no way to skip from inside a running test).
/// </summary>
public sealed class NeedsPackageOriginalFactAttribute : FactAttribute
{
    public NeedsPackageOriginalFactAttribute()
    {
        if (LibTorchSharpFiles.PackageOriginal() is null)
        {
            Skip = "The TorchSharp package's libLibTorchSharp.so was not found in the NuGet package cache (NUGET_PACKAGES or ~/.nuget/packages); restore the solution first.";
        }
    }
}
