using VideoRecognition.Build;

namespace VideoRecognition.Tests.Runtime;

public sealed class ElfVersionNeedsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vrec-elf-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Build_output_copy_has_glibcxx_3_4_32_marked_weak()
    {
        VersionNeed need = Assert.Single(ElfVersionNeeds.Read(LibTorchSharpFiles.InOutput()), n => n.Name == LibTorchSharpFiles.WeakVersion);

        Assert.Equal("libstdc++.so.6", need.File);
        Assert.True(need.IsWeak, $"{need.Name} flags are 0x{need.Flags:x}; the build should have set VER_FLG_WEAK (0x2)");
    }

    [NeedsPackageOriginalFact]
    public void Package_original_is_left_unpatched_by_the_build()
    {
        VersionNeed need = Assert.Single(ElfVersionNeeds.Read(LibTorchSharpFiles.PackageOriginal()!), n => n.Name == LibTorchSharpFiles.WeakVersion);

        Assert.False(need.IsWeak);
    }

    [NeedsPackageOriginalFact]
    public void Marking_weak_changes_only_the_flag_bytes_of_that_entry_and_is_idempotent()
    {
        string original = LibTorchSharpFiles.PackageOriginal()!;
        string copy = Path.Combine(folder, "libLibTorchSharp.so");
        File.Copy(original, copy);

        WeakenResult first = ElfVersionNeeds.MarkWeak(copy, LibTorchSharpFiles.WeakVersion);

        Assert.Equal(WeakenOutcome.Weakened, first.Outcome);
        long flags = Assert.Single(first.Entries).FlagsOffset;
        byte[] before = File.ReadAllBytes(original);
        byte[] after = File.ReadAllBytes(copy);
        Assert.Equal(before.Length, after.Length);
        int[] differing = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.NotEmpty(differing);
        Assert.All(differing, i => Assert.InRange(i, flags, flags + 1));
        Assert.Equal(ElfVersionNeeds.VerFlagWeak, (ushort)((after[flags] | after[flags + 1] << 8) & ~(before[flags] | before[flags + 1] << 8)));

        DateTime written = File.GetLastWriteTimeUtc(copy);
        WeakenResult second = ElfVersionNeeds.MarkWeak(copy, LibTorchSharpFiles.WeakVersion);

        Assert.Equal(WeakenOutcome.AlreadyWeak, second.Outcome);
        Assert.Contains("already weak", second.Detail);
        Assert.Equal(after, File.ReadAllBytes(copy));
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));
    }

    [NeedsPackageOriginalFact]
    public void A_version_the_library_does_not_need_is_reported_and_nothing_is_written()
    {
        string copy = Path.Combine(folder, "libLibTorchSharp.so");
        File.Copy(LibTorchSharpFiles.PackageOriginal()!, copy);
        byte[] before = File.ReadAllBytes(copy);

        WeakenResult result = ElfVersionNeeds.MarkWeak(copy, "GLIBCXX_9.9.99");

        Assert.Equal(WeakenOutcome.NotPresent, result.Outcome);
        Assert.Contains("does not require GLIBCXX_9.9.99", result.Detail);
        Assert.Equal(before, File.ReadAllBytes(copy));
    }

    [Fact]
    public void Non_elf_input_is_refused_with_a_clear_message()
    {
        string path = Path.Combine(folder, "not-a-library.so");
        File.WriteAllText(path, new string('x', 200));

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.MarkWeak(path, LibTorchSharpFiles.WeakVersion));

        Assert.Contains("is not an ELF file", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Equal(new string('x', 200), File.ReadAllText(path));
    }

    [Fact]
    public void Elf32_input_is_refused_with_a_clear_message()
    {
        string path = Path.Combine(folder, "elf32.so");
        byte[] header = new byte[64];
        header[0] = 0x7f;
        header[1] = (byte)'E';
        header[2] = (byte)'L';
        header[3] = (byte)'F';
        header[4] = 1;
        header[5] = 1;
        File.WriteAllBytes(path, header);

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(path));

        Assert.Contains("32-bit", error.Message);
    }

    [Fact]
    public void Truncated_file_is_refused_as_malformed()
    {
        string path = Path.Combine(folder, "short.so");
        File.WriteAllBytes(path, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1]);

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(path));

        Assert.Contains("malformed ELF file", error.Message);
    }
}
