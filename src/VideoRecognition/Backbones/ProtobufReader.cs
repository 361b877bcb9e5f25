using System.Buffers.Binary;
using System.Text;

namespace VideoRecognition.Backbones;

/// <summary>
/// Reads the protobuf wire format field by field. ONNX files are protobuf messages, and reading the few
/// fields the weight import needs by hand is smaller than generating classes for the whole ONNX schema.
/// Throws <see cref="InvalidDataException"/> on malformed input; callers turn that into a message naming the file.
/// </summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> data = buffer;
    private int position;

    public enum WireType
    {
        Varint = 0,
        Fixed64 = 1,
        LengthDelimited = 2,
        Fixed32 = 5,
    }

    public readonly bool AtEnd => position >= data.Length;

    /// <summary>Reads the next field key; false at the end of the message.</summary>
    public bool Next(out int field, out WireType wireType)
    {
        if (AtEnd)
        {
            field = 0;
            wireType = 0;
            return false;
        }

        ulong key = ReadVarint();
        field = checked((int)(key >> 3));
        wireType = (WireType)(key & 7);
        if (field == 0 || wireType is not (WireType.Varint or WireType.Fixed64 or WireType.LengthDelimited or WireType.Fixed32))
        {
            throw new InvalidDataException($"not a protobuf message (field {field}, wire type {(int)wireType} at byte {position})");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("protobuf varint runs past the end");
            }

            byte b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("protobuf varint longer than 10 bytes");
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        ulong length = ReadVarint();
        if (length > (ulong)(data.Length - position))
        {
            throw new InvalidDataException($"protobuf field of {length} bytes runs past the end");
        }

        var bytes = data.Slice(position, (int)length);
        position += (int)length;
        return bytes;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    public float ReadFixed32Float()
    {
        var bytes = Take(4);
        return BinaryPrimitives.ReadSingleLittleEndian(bytes);
    }

    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint: ReadVarint(); break;
            case WireType.Fixed64: Take(8); break;
            case WireType.Fixed32: Take(4); break;
            case WireType.LengthDelimited: ReadBytes(); break;
        }
    }

    /// <summary>A repeated int64 field: packed (one length-delimited run) or one varint per occurrence.</summary>
    public void ReadInt64s(WireType wireType, List<long> into)
    {
        if (wireType == WireType.Varint)
        {
            into.Add(unchecked((long)ReadVarint()));
            return;
        }

        var packed = new ProtobufReader(ReadBytes());
        while (!packed.AtEnd)
        {
            into.Add(unchecked((long)packed.ReadVarint()));
        }
    }

    /// <summary>A repeated float field: packed or one fixed32 per occurrence.</summary>
    public void ReadFloats(WireType wireType, List<float> into)
    {
        if (wireType == WireType.Fixed32)
        {
            into.Add(ReadFixed32Float());
            return;
        }

        var packed = ReadBytes();
        for (int i = 0; i + 4 <= packed.Length; i += 4)
        {
            into.Add(BinaryPrimitives.ReadSingleLittleEndian(packed[i..]));
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (data.Length - position < count)
        {
            throw new InvalidDataException("protobuf fixed-size field runs past the end");
        }

        var bytes = data.Slice(position, count);
        position += count;
        return bytes;
    }
}
