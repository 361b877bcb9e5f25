// Compiled twice: by RoslynCodeTaskFactory for the build (see NativeRuntime.targets), where only one
// source file is allowed and the reference set is netstandard2.0 (so no records, Span or
// BinaryPrimitives here), and by the test project, which links this file and defines
// ELF_VERSION_NEEDS_WITHOUT_MSBUILD so it needs no MSBuild packages.
#nullable enable
namespace VideoRecognition.Build;

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

public enum WeakenOutcome
{
    /// <summary>The flag was set now.</summary>
    Weakened,

    /// <summary>Every matching requirement was already weak; nothing was written.</summary>
    AlreadyWeak,

    /// <summary>The file does not require that version at all (for example a newer TorchSharp build).</summary>
    NotPresent,
}

/// <summary>One Elf64_Vernaux entry: version <see cref="Name"/> required from library <see cref="File"/>.</summary>
public sealed class VersionNeed
{
    public VersionNeed(string file, string name, ushort flags, long flagsOffset)
    {
        File = file;
        Name = name;
        Flags = flags;
        FlagsOffset = flagsOffset;
    }

    public string File { get; }

    public string Name { get; }

    public ushort Flags { get; }

    /// <summary>Where the 2-byte vna_flags field lives in the file.</summary>
    public long FlagsOffset { get; }

    public bool IsWeak => (Flags & ElfVersionNeeds.VerFlagWeak) != 0;
}

public sealed class WeakenResult
{
    public WeakenResult(WeakenOutcome outcome, IReadOnlyList<VersionNeed> entries, string detail)
    {
        Outcome = outcome;
        Entries = entries;
        Detail = detail;
    }

    public WeakenOutcome Outcome { get; }

    /// <summary>The matching entries as they were before this call.</summary>
    public IReadOnlyList<VersionNeed> Entries { get; }

    public string Detail { get; }
}

/// <summary>
/// Reads and edits the version requirements (.gnu.version_r) of an ELF64 little-endian shared library.
/// Marking a requirement weak (VER_FLG_WEAK) makes the dynamic loader accept a dependency that lacks
/// that version: libLibTorchSharp.so needs GLIBCXX_3.4.32 only for a GCC 13 link-time marker symbol
/// that is never called, and that version requirement is all that stops it loading on Debian 12.
/// </summary>
public static class ElfVersionNeeds
{
    public const ushort VerFlagWeak = 0x2;

    private const uint SectionTypeGnuVerneed = 0x6ffffffe;
    private const int SectionHeaderSize = 64;
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;

    public static IReadOnlyList<VersionNeed> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Read(stream, path);
    }

    /// <summary>Sets VER_FLG_WEAK on every requirement named <paramref name="versionName"/>, writing only those flag bytes.</summary>
    public static WeakenResult MarkWeak(string path, string versionName)
    {
        List<VersionNeed> matches = Matching(Read(path), versionName);
        if (matches.Count == 0)
        {
            return new WeakenResult(WeakenOutcome.NotPresent, matches, $"{Path.GetFileName(path)} does not require {versionName}");
        }

        var toChange = matches.FindAll(need => !need.IsWeak);
        if (toChange.Count == 0)
        {
            return new WeakenResult(WeakenOutcome.AlreadyWeak, matches, $"{versionName} in {Path.GetFileName(path)} is already weak");
        }

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
        {
            foreach (VersionNeed need in toChange)
            {
                ushort flags = (ushort)(need.Flags | VerFlagWeak);
                stream.Position = need.FlagsOffset;
                stream.WriteByte((byte)flags);
                stream.WriteByte((byte)(flags >> 8));
            }

            stream.Flush(flushToDisk: true);
        }

        var where = string.Join(", ", toChange.ConvertAll(need => $"{need.File} at 0x{need.FlagsOffset:x}"));
        return new WeakenResult(WeakenOutcome.Weakened, matches, $"{versionName} in {Path.GetFileName(path)} marked weak ({where})");
    }

    public static IReadOnlyList<VersionNeed> Read(Stream stream, string nameForMessages)
    {
        byte[] header = ReadAt(stream, 0, 64, nameForMessages, "ELF header");
        if (header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
        {
            throw new InvalidDataException($"'{nameForMessages}' is not an ELF file (it does not start with 0x7F 'ELF').");
        }

        if (header[4] != 2)
        {
            throw new InvalidDataException($"'{nameForMessages}' is a 32-bit ELF file; only 64-bit ELF (ELFCLASS64) is supported.");
        }

        if (header[5] != 1)
        {
            throw new InvalidDataException($"'{nameForMessages}' is a big-endian ELF file; only little-endian (ELFDATA2LSB) is supported.");
        }

        long sectionTable = checked((long)U64(header, 0x28));
        int entrySize = U16(header, 0x3A);
        long sectionCount = U16(header, 0x3C);
        if (sectionTable == 0)
        {
            return new List<VersionNeed>();
        }

        if (entrySize < SectionHeaderSize)
        {
            throw Malformed(nameForMessages, $"section header size {entrySize} is smaller than {SectionHeaderSize}");
        }

        // More than 0xff00 sections: the real count is in the size field of section 0.
        if (sectionCount == 0)
        {
            sectionCount = checked((long)U64(ReadAt(stream, sectionTable, SectionHeaderSize, nameForMessages, "section 0"), 32));
        }

        if (sectionCount > 1_000_000)
        {
            throw Malformed(nameForMessages, $"implausible section count {sectionCount}");
        }

        byte[] table = ReadAt(stream, sectionTable, checked((int)(sectionCount * entrySize)), nameForMessages, "section headers");
        var needs = new List<VersionNeed>();
        for (int i = 0; i < sectionCount; i++)
        {
            int at = i * entrySize;
            if (U32(table, at + 4) != SectionTypeGnuVerneed)
            {
                continue;
            }

            long offset = checked((long)U64(table, at + 24));
            int size = checked((int)U64(table, at + 32));
            uint link = U32(table, at + 40);
            uint count = U32(table, at + 44);
            if (link >= sectionCount)
            {
                throw Malformed(nameForMessages, $"version-needs section {i} links to missing string table {link}");
            }

            int linkAt = checked((int)(link * entrySize));
            byte[] strings = ReadAt(stream, checked((long)U64(table, linkAt + 24)), checked((int)U64(table, linkAt + 32)), nameForMessages, "string table");
            byte[] section = ReadAt(stream, offset, size, nameForMessages, "version-needs section");
            WalkVerneed(section, offset, count, strings, nameForMessages, needs);
        }

        return needs;
    }

    private static void WalkVerneed(byte[] section, long fileOffset, uint count, byte[] strings, string name, List<VersionNeed> needs)
    {
        long at = 0;
        for (uint n = 0; n < count; n++)
        {
            Require(at, VerneedSize, section.Length, name, "Elf64_Verneed");
            int need = (int)at;
            int auxCount = U16(section, need + 2);
            string file = ReadString(strings, U32(section, need + 4), name);
            long aux = at + U32(section, need + 8);
            for (int k = 0; k < auxCount; k++)
            {
                Require(aux, VernauxSize, section.Length, name, "Elf64_Vernaux");
                int entry = (int)aux;
                needs.Add(new VersionNeed(file, ReadString(strings, U32(section, entry + 8), name), U16(section, entry + 4), fileOffset + entry + 4));
                uint nextAux = U32(section, entry + 12);
                if (nextAux == 0)
                {
                    break;
                }

                aux += nextAux;
            }

            uint next = U32(section, need + 12);
            if (next == 0)
            {
                break;
            }

            at += next;
        }
    }

    private static List<VersionNeed> Matching(IReadOnlyList<VersionNeed> needs, string versionName)
    {
        var matches = new List<VersionNeed>();
        foreach (VersionNeed need in needs)
        {
            if (need.Name == versionName)
            {
                matches.Add(need);
            }
        }

        return matches;
    }

    private static byte[] ReadAt(Stream stream, long offset, int count, string name, string what)
    {
        if (offset < 0 || count < 0 || offset + count > stream.Length)
        {
            throw Malformed(name, $"{what} ({count} bytes at 0x{offset:x}) lies outside the file ({stream.Length} bytes)");
        }

        var buffer = new byte[count];
        stream.Position = offset;
        int done = 0;
        while (done < count)
        {
            int read = stream.Read(buffer, done, count - done);
            if (read == 0)
            {
                throw Malformed(name, $"unexpected end of file reading {what}");
            }

            done += read;
        }

        return buffer;
    }

    private static string ReadString(byte[] strings, uint offset, string name)
    {
        if (offset >= strings.Length)
        {
            throw Malformed(name, $"string offset 0x{offset:x} lies outside the string table");
        }

        int end = Array.IndexOf(strings, (byte)0, (int)offset);
        if (end < 0)
        {
            throw Malformed(name, $"unterminated string at 0x{offset:x}");
        }

        return Encoding.UTF8.GetString(strings, (int)offset, end - (int)offset);
    }

    private static void Require(long at, int size, int length, string name, string what)
    {
        if (at < 0 || at + size > length)
        {
            throw Malformed(name, $"{what} at 0x{at:x} runs past the end of the version-needs section");
        }
    }

    private static InvalidDataException Malformed(string name, string problem) =>
        new InvalidDataException($"'{name}' is a malformed ELF file: {problem}.");

    private static ushort U16(byte[] b, int at) => (ushort)(b[at] | b[at + 1] << 8);

    private static uint U32(byte[] b, int at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);

    private static ulong U64(byte[] b, int at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;
}

#if !ELF_VERSION_NEEDS_WITHOUT_MSBUILD
/// <summary>
/// MSBuild task: marks <see cref="Version"/> weak in each of <see cref="Files"/> (copies in the build
/// or publish output). Keeps the file's timestamp so MSBuild's unchanged-file check still matches the
/// package's original and later builds neither re-copy nor re-patch it.
/// </summary>
public sealed class WeakenElfVersion : Microsoft.Build.Utilities.Task
{
    [Microsoft.Build.Framework.Required]
    public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

    [Microsoft.Build.Framework.Required]
    public string Version { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            string path = item.GetMetadata("FullPath");
            try
            {
                Weaken(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Log.LogError($"Could not mark {Version} weak in '{path}': {e.Message}");
            }
        }

        return !Log.HasLoggedErrors;
    }

    private void Weaken(string path)
    {
        foreach (VersionNeed need in ElfVersionNeeds.Read(path))
        {
            if (need.Name == Version && !need.IsWeak)
            {
                Unshare(path);
                break;
            }
        }

        DateTime written = File.GetLastWriteTimeUtc(path);
        WeakenResult result = ElfVersionNeeds.MarkWeak(path, Version);
        if (result.Outcome == WeakenOutcome.Weakened)
        {
            File.SetLastWriteTimeUtc(path, written);
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, $"{result.Detail}: it now loads without libstdc++ {Version} ({path})");
        }
        else
        {
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"{result.Detail}; left unchanged ({path})");
        }
    }

    // A hard or symbolic link would carry the edit into the NuGet package cache; give this output
    // its own copy first (File.Copy keeps mode bits and timestamp, the rename replaces the link).
    private static void Unshare(string path)
    {
        string copy = path + ".weaken.tmp";
        File.Copy(path, copy, overwrite: true);
        File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(path));
        File.Replace(copy, path, destinationBackupFileName: null);
    }
}
#endif
