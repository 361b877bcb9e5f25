using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using VideoRecognition.Runtime;
using static TorchSharp.torch;

namespace VideoRecognition.Backbones;

/// <summary>
/// Reads and writes module weights in the three formats a user may hold: a PyTorch state_dict (.pt/.pth, a
/// zip archive as written by torch.save), safetensors, and TorchSharp's own format (module.save). Reading
/// detects the format from the file's first bytes, not its name; writing picks it from the extension.
/// </summary>
public static class WeightsFile
{
    /// <summary>Every tensor in the file by key, on the CPU. The caller disposes them.</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"weights file '{path}' does not exist");
        }

        try
        {
            return DetectFormat(path) switch
            {
                Format.PyTorch => FromHashtable(PyTorchUnpickler.UnpickleStateDict(path)),
                Format.Safetensors => Safetensors.LoadStateDict(path),
                _ => ReadTorchSharp(path),
            };
        }
        catch (Exception e) when (e is not (BadInputException or OutOfMemoryException))
        {
            throw new BadInputException(
                $"weights file '{path}' cannot be read as a PyTorch state_dict (.pt/.pth), safetensors or TorchSharp weights file: {e.Message}", e);
        }
    }

    /// <summary>Writes the module's state_dict: .pt/.pth/.bin as PyTorch, .safetensors as safetensors, anything else as TorchSharp.</summary>
    public static void Write(nn.Module module, string path)
    {
        string temporary = path + ".tmp";
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".pt" or ".pth" or ".bin": module.save_py(temporary); break;
            case ".safetensors": module.save_safetensors(temporary); break;
            default: module.save(temporary); break;
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Copies <paramref name="source"/> into the module after checking that every key the module needs is
    /// there with the same shape. Keys in <paramref name="ignorable"/> (a classifier the module does not have)
    /// may be present and are skipped; keys in <paramref name="optional"/> may be absent.
    /// </summary>
    public static void Assign(
        nn.Module module,
        IReadOnlyDictionary<string, Tensor> source,
        string sourceName,
        IReadOnlySet<string>? ignorable = null,
        Func<string, bool>? optional = null)
    {
        var target = module.state_dict();
        source = WithoutDataParallelPrefix(source);
        foreach (var (key, tensor) in target)
        {
            if (!source.TryGetValue(key, out var value))
            {
                if (optional?.Invoke(key) == true)
                {
                    continue;
                }

                throw new BadInputException(
                    $"{sourceName} has no '{key}' [{Shape(tensor)}], which {module.GetName()} needs; are these weights for another architecture?");
            }

            if (!value.shape.SequenceEqual(tensor.shape))
            {
                throw new BadInputException(
                    $"{sourceName}: '{key}' has shape [{Shape(value)}] but {module.GetName()} needs [{Shape(tensor)}]; are these weights for another architecture?");
            }
        }

        string? unexpected = source.Keys.FirstOrDefault(k => !target.ContainsKey(k) && ignorable?.Contains(k) != true);
        if (unexpected is not null)
        {
            throw new BadInputException(
                $"{sourceName} has '{unexpected}' [{Shape(source[unexpected])}], which {module.GetName()} does not have; are these weights for another architecture?");
        }

        using var noGrad = no_grad();
        foreach (var (key, tensor) in target)
        {
            if (source.TryGetValue(key, out var value))
            {
                tensor.copy_(value.to(tensor.dtype, tensor.device));
            }
        }
    }

    private enum Format
    {
        PyTorch,
        Safetensors,
        TorchSharp,
    }

    private static Format DetectFormat(string path)
    {
        Span<byte> head = stackalloc byte[9];
        using var stream = File.OpenRead(path);
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            return Format.PyTorch; // torch.save has written zip archives since PyTorch 1.6
        }

        // safetensors: an 8-byte little-endian header length, then the JSON header.
        return read == 9 && head[8] == '{' ? Format.Safetensors : Format.TorchSharp;
    }

    private static Dictionary<string, Tensor> FromHashtable(Hashtable table)
    {
        var tensors = new Dictionary<string, Tensor>();
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Value is Tensor tensor)
            {
                tensors[(string)entry.Key] = tensor;
            }
            else
            {
                throw new InvalidDataException($"entry '{entry.Key}' is not a tensor; a whole pickled model or a training checkpoint must be reduced to its state_dict first");
            }
        }

        return tensors;
    }

    // TorchSharp's module.save layout: a LEB128 count, then (BinaryWriter string key, tensor) pairs.
    private static Dictionary<string, Tensor> ReadTorchSharp(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        long count = ReadLeb128(reader);
        if (count is < 0 or > 1_000_000)
        {
            throw new InvalidDataException($"implausible entry count {count}");
        }

        var tensors = new Dictionary<string, Tensor>();
        for (long i = 0; i < count; i++)
        {
            string key = reader.ReadString();
            tensors[key] = TensorExtensionMethods.Load(reader);
        }

        if (reader.BaseStream.Position != reader.BaseStream.Length)
        {
            throw new InvalidDataException("data continues after the last tensor");
        }

        return tensors;
    }

    private static long ReadLeb128(BinaryReader reader)
    {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("entry count is not a LEB128 number");
    }

    // nn.DataParallel saves every key as module.<key>.
    private static IReadOnlyDictionary<string, Tensor> WithoutDataParallelPrefix(IReadOnlyDictionary<string, Tensor> source) =>
        source.Count > 0 && source.Keys.All(k => k.StartsWith("module.", StringComparison.Ordinal))
            ? source.ToDictionary(p => p.Key["module.".Length..], p => p.Value)
            : source;

    private static string Shape(Tensor t) => string.Join(", ", t.shape);
}
