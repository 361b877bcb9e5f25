using System.Globalization;
using System.Text.Json;
using TorchSharp;
using VideoRecognition.Runtime;

namespace VideoRecognition.Training;

/// <summary>
/// The checkpoints of a run folder: checkpoints/epoch-NNNN/ with model.bin, optimizer.bin and state.json
/// (and backbone.bin when the backbone trains end to end),
/// each written to a temporary folder and renamed into place, so a kill never leaves a half checkpoint;
/// best/ holds the one with the highest validation accuracy.
/// </summary>
public sealed class CheckpointStore(string runFolder)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string Folder => new RunLayout(runFolder).Checkpoints;

    public string Best => new RunLayout(runFolder).BestCheckpoint;

    /// <summary>Throws a message naming <paramref name="checkpoint"/> unless it is a folder (a run's model.pt is a common mistake).</summary>
    public static void RequireFolder(string checkpoint)
    {
        if (File.Exists(checkpoint))
        {
            string best = new RunLayout(Path.GetDirectoryName(Path.GetFullPath(checkpoint))!).BestCheckpoint;
            string example = Directory.Exists(best) ? best : "runs/train/checkpoints/best";
            throw new BadInputException(
                $"checkpoint '{checkpoint}' is a file; a checkpoint is a folder (model.bin, state.json, config.yaml) such as {example}");
        }

        if (!Directory.Exists(checkpoint))
        {
            throw new BadInputException($"checkpoint folder '{checkpoint}' does not exist; give one such as runs/train/checkpoints/best");
        }
    }

    public static string ModelFile(string checkpoint) => Path.Combine(checkpoint, "model.bin");

    /// <summary>The trained backbone's weights (end-to-end mode only).</summary>
    public static string BackboneFile(string checkpoint) => Path.Combine(checkpoint, "backbone.bin");

    public static string OptimizerFile(string checkpoint) => Path.Combine(checkpoint, "optimizer.bin");

    public static string StateFile(string checkpoint) => Path.Combine(checkpoint, "state.json");

    /// <summary>The run config the checkpoint was trained with: rebuilds the model without its run folder.</summary>
    public static string ConfigFile(string checkpoint) => Path.Combine(checkpoint, "config.yaml");

    /// <summary>Writes an epoch checkpoint (and best/); <paramref name="backbone"/> is the backbone trained with the heads, or null when it is frozen (cached features).</summary>
    public string Save(CheckpointState state, string configYaml, torch.nn.Module model, torch.nn.Module? backbone, TorchSharp.Modules.OptimizerHelper optimizer, bool isBest)
    {
        string final = Path.Combine(Folder, $"epoch-{state.Epoch + 1:D4}"); // numbered from 1, as epochs are shown
        string staging = final + ".partial";
        WriteTo(staging, state, configYaml, model, backbone, optimizer);
        Replace(staging, final);
        if (isBest)
        {
            string bestStaging = Best + ".partial";
            WriteTo(bestStaging, state, configYaml, model, backbone, optimizer);
            Replace(bestStaging, Best);
        }

        return final;
    }

    /// <summary>The newest complete epoch checkpoint, or null when the run has none yet.</summary>
    public string? Latest() =>
        Directory.Exists(Folder)
            ? Directory.GetDirectories(Folder, "epoch-*")
                .Where(d => !d.EndsWith(".partial", StringComparison.Ordinal) && File.Exists(StateFile(d)))
                .OrderBy(d => d, StringComparer.Ordinal)
                .LastOrDefault()
            : null;

    public static CheckpointState ReadState(string checkpoint)
    {
        string path = StateFile(checkpoint);
        try
        {
            return JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(path), Json)
                ?? throw new BadInputException($"{path}: empty checkpoint state");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BadInputException($"'{checkpoint}' is not a checkpoint (no state.json); give a checkpoint folder such as runs/train/checkpoints/best");
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{path}: not a checkpoint state ({OurJson.Reason(e)})");
        }
    }

    private static void WriteTo(string folder, CheckpointState state, string configYaml, torch.nn.Module model, torch.nn.Module? backbone, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        model.save(ModelFile(folder));
        backbone?.save(BackboneFile(folder));
        optimizer.save_state_dict(OptimizerFile(folder));
        AtomicFile.WriteAllText(ConfigFile(folder), configYaml);
        AtomicFile.WriteAllText(StateFile(folder), JsonSerializer.Serialize(state, Json));
    }

    private static void Replace(string staging, string final)
    {
        if (Directory.Exists(final))
        {
            string old = final + ".old-" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
            Directory.Move(final, old);
            Directory.Move(staging, final);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(staging, final);
        }
    }
}
