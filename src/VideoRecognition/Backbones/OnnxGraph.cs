using System.Runtime.InteropServices;
using VideoRecognition.Runtime;

namespace VideoRecognition.Backbones;

/// <summary>
/// The parts of an ONNX model the weight import reads: the node list in graph order and the constant
/// tensors (initializers and Constant nodes). Shapes and types of the graph inputs are left to ONNX Runtime.
/// </summary>
internal sealed record OnnxGraph(
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyDictionary<string, OnnxTensor> Constants,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs)
{
    public static OnnxGraph Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"ONNX model '{path}' cannot be read: {e.Message}", e);
        }

        try
        {
            return Parse(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException($"'{path}' is not a valid ONNX model: {e.Message}", e);
        }
    }

    public static OnnxGraph Parse(ReadOnlySpan<byte> model)
    {
        var reader = new ProtobufReader(model);
        while (reader.Next(out int field, out var wire))
        {
            if (field == 7 && wire == ProtobufReader.WireType.LengthDelimited)
            {
                return ParseGraph(reader.ReadBytes());
            }

            reader.Skip(wire);
        }

        throw new InvalidDataException("the file has no graph (ModelProto field 7)");
    }

    private static OnnxGraph ParseGraph(ReadOnlySpan<byte> graph)
    {
        var nodes = new List<OnnxNode>();
        var constants = new Dictionary<string, OnnxTensor>();
        var inputs = new List<string>();
        var outputs = new List<string>();
        var reader = new ProtobufReader(graph);
        while (reader.Next(out int field, out var wire))
        {
            switch (field)
            {
                case 1:
                    var node = ParseNode(reader.ReadBytes());
                    nodes.Add(node);
                    if (node.OpType == "Constant" && node.Attributes.TryGetValue("value", out var value) && value.Tensor is { } t)
                    {
                        constants[node.Outputs[0]] = t with { Name = node.Outputs[0] };
                    }

                    break;
                case 5:
                    var tensor = ParseTensor(reader.ReadBytes());
                    constants[tensor.Name] = tensor;
                    break;
                case 11: inputs.Add(ParseValueInfoName(reader.ReadBytes())); break;
                case 12: outputs.Add(ParseValueInfoName(reader.ReadBytes())); break;
                default: reader.Skip(wire); break;
            }
        }

        // Older exporters list initializers among the graph inputs too; only the real inputs are wanted.
        inputs.RemoveAll(constants.ContainsKey);
        return new OnnxGraph(nodes, constants, inputs, outputs);
    }

    private static OnnxNode ParseNode(ReadOnlySpan<byte> bytes)
    {
        string name = string.Empty, opType = string.Empty;
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new Dictionary<string, OnnxAttribute>();
        var reader = new ProtobufReader(bytes);
        while (reader.Next(out int field, out var wire))
        {
            switch (field)
            {
                case 1: inputs.Add(reader.ReadString()); break;
                case 2: outputs.Add(reader.ReadString()); break;
                case 3: name = reader.ReadString(); break;
                case 4: opType = reader.ReadString(); break;
                case 5:
                    var attribute = ParseAttribute(reader.ReadBytes());
                    attributes[attribute.Name] = attribute;
                    break;
                default: reader.Skip(wire); break;
            }
        }

        return new OnnxNode(name, opType, inputs, outputs, attributes);
    }

    private static OnnxAttribute ParseAttribute(ReadOnlySpan<byte> bytes)
    {
        string name = string.Empty;
        float? f = null;
        long? i = null;
        OnnxTensor? tensor = null;
        var floats = new List<float>();
        var ints = new List<long>();
        var reader = new ProtobufReader(bytes);
        while (reader.Next(out int field, out var wire))
        {
            switch (field)
            {
                case 1: name = reader.ReadString(); break;
                case 2: f = reader.ReadFixed32Float(); break;
                case 3: i = unchecked((long)reader.ReadVarint()); break;
                case 5: tensor = ParseTensor(reader.ReadBytes()); break;
                case 7: reader.ReadFloats(wire, floats); break;
                case 8: reader.ReadInt64s(wire, ints); break;
                default: reader.Skip(wire); break;
            }
        }

        return new OnnxAttribute(name, f, i, floats, ints, tensor);
    }

    private static OnnxTensor ParseTensor(ReadOnlySpan<byte> bytes)
    {
        const int Float = 1, Int64 = 7;
        string name = string.Empty;
        int dataType = 0;
        var dims = new List<long>();
        var floats = new List<float>();
        var longs = new List<long>();
        ReadOnlySpan<byte> raw = default;
        var reader = new ProtobufReader(bytes);
        while (reader.Next(out int field, out var wire))
        {
            switch (field)
            {
                case 1: reader.ReadInt64s(wire, dims); break;
                case 2: dataType = (int)reader.ReadVarint(); break;
                case 4: reader.ReadFloats(wire, floats); break;
                case 7: reader.ReadInt64s(wire, longs); break;
                case 8: name = reader.ReadString(); break;
                case 9: raw = reader.ReadBytes(); break;
                case 14 when reader.ReadVarint() == 1:
                    throw new InvalidDataException($"tensor '{name}' keeps its data in an external file, which this reader does not follow");
                default: reader.Skip(wire); break;
            }
        }

        float[] floatData = dataType == Float
            ? (raw.IsEmpty ? floats.ToArray() : MemoryMarshal.Cast<byte, float>(raw).ToArray())
            : [];
        long[] longData = dataType == Int64
            ? (raw.IsEmpty ? longs.ToArray() : MemoryMarshal.Cast<byte, long>(raw).ToArray())
            : [];
        long expected = dims.Aggregate(1L, (a, d) => a * d);
        if ((dataType == Float && floatData.Length != expected) || (dataType == Int64 && longData.Length != expected))
        {
            throw new InvalidDataException($"tensor '{name}' has shape [{string.Join(", ", dims)}] but holds a different number of values");
        }

        return new OnnxTensor(name, dataType, dims.ToArray(), floatData, longData);
    }

    private static string ParseValueInfoName(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        while (reader.Next(out int field, out var wire))
        {
            if (field == 1)
            {
                return reader.ReadString();
            }

            reader.Skip(wire);
        }

        return string.Empty;
    }
}

internal sealed record OnnxNode(
    string Name,
    string OpType,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, OnnxAttribute> Attributes)
{
    public IReadOnlyList<long> Ints(string attribute) =>
        Attributes.TryGetValue(attribute, out var a) ? a.Ints : [];

    public long? Int(string attribute) => Attributes.TryGetValue(attribute, out var a) ? a.Int : null;

    public float? Float(string attribute) => Attributes.TryGetValue(attribute, out var a) ? a.Float : null;
}

internal sealed record OnnxAttribute(
    string Name,
    float? Float,
    long? Int,
    IReadOnlyList<float> Floats,
    IReadOnlyList<long> Ints,
    OnnxTensor? Tensor);

/// <summary>A constant tensor; <see cref="Floats"/> is filled for float32 data, <see cref="Longs"/> for int64.</summary>
internal sealed record OnnxTensor(string Name, int DataType, long[] Dims, float[] Floats, long[] Longs);
