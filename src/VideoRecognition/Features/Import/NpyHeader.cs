using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VideoRecognition.Features.Import;

/// <summary>
/// The header of a NumPy .npy file (format versions 1.0, 2.0 and 3.0, as documented in numpy.lib.format):
/// the magic "\x93NUMPY", a major and minor version byte, the header length (uint16 little-endian in 1.0,
/// uint32 in 2.0 and 3.0), then a Python dict literal {'descr': ..., 'fortran_order': ..., 'shape': (...), }
/// padded so the data starts on a 64-byte boundary (16 in old files).
/// </summary>
public sealed partial record NpyHeader(string Descr, bool FortranOrder, IReadOnlyList<long> Shape, long DataOffset)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Bytes per element of the float types the importer reads: little-endian float16, float32, float64.</summary>
    public int ElementSize => Descr switch
    {
        "<f2" => 2,
        "<f4" => 4,
        "<f8" => 8,
        _ => 0,
    };

    public static NpyHeader Read(Stream stream)
    {
        Span<byte> start = stackalloc byte[10];
        if (stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length || !start[..6].SequenceEqual(Magic))
        {
            throw new FeatureFileException("not a NumPy .npy file (no \\x93NUMPY magic)");
        }

        byte major = start[6];
        long headerLength;
        int prefix;
        switch (major)
        {
            case 1:
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(start[8..]);
                prefix = 10;
                break;
            case 2 or 3:
                Span<byte> longer = stackalloc byte[2];
                if (stream.ReadAtLeast(longer, 2, throwOnEndOfStream: false) < 2)
                {
                    throw new FeatureFileException("the .npy header is cut short");
                }

                headerLength = BinaryPrimitives.ReadUInt32LittleEndian([start[8], start[9], longer[0], longer[1]]);
                prefix = 12;
                break;
            default:
                throw new FeatureFileException($".npy format version {major}.{start[7]} is not one of 1.0, 2.0, 3.0");
        }

        if (headerLength > 1 << 20)
        {
            throw new FeatureFileException($"the .npy header claims {headerLength} bytes");
        }

        var header = new byte[headerLength];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            throw new FeatureFileException("the .npy header is cut short");
        }

        // Version 3.0 only differs in allowing UTF-8 in the header; ASCII is a subset.
        string text = Encoding.UTF8.GetString(header);
        Match descr = DescrPattern().Match(text);
        Match order = OrderPattern().Match(text);
        Match shape = ShapePattern().Match(text);
        if (!descr.Success || !order.Success || !shape.Success)
        {
            throw new FeatureFileException($"the .npy header is not a dict with 'descr', 'fortran_order' and 'shape': {text.Trim()}");
        }

        var dims = new List<long>();
        foreach (string part in shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out long dim))
            {
                throw new FeatureFileException($"the .npy shape ({shape.Groups[1].Value}) is not a tuple of whole numbers");
            }

            dims.Add(dim);
        }

        // '=' is native order, and every platform this runs on is little-endian; '|' marks single-byte types.
        string type = descr.Groups[1].Value is ['=', .. var rest] ? "<" + rest : descr.Groups[1].Value;
        return new NpyHeader(type, order.Groups[1].Value == "True", dims, prefix + headerLength);
    }

    public string ShapeText => "(" + string.Join(", ", Shape) + (Shape.Count == 1 ? ",)" : ")");

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
