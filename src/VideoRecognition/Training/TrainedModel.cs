using TorchSharp;
using VideoRecognition.Configuration;
using VideoRecognition.Features;
using VideoRecognition.Model;
using VideoRecognition.Runtime;

namespace VideoRecognition.Training;

/// <summary>
/// A model loaded from a checkpoint folder for evaluation or inspection, checked against the feature store it
/// will read: a checkpoint of another backbone (feature width) is refused with a message, not a libtorch error.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    private TrainedModel(string checkpoint, CheckpointState state, AnnotationEfficientModel model)
    {
        Checkpoint = checkpoint;
        State = state;
        Model = model;
    }

    public string Checkpoint { get; }

    public CheckpointState State { get; }

    public AnnotationEfficientModel Model { get; }

    /// <summary>Base classes in the order of the classifier's outputs.</summary>
    public IReadOnlyList<string> Classes => State.BaseClasses;

    /// <summary>A short name for tables: the run folder's name (and the checkpoint's, unless it is the best one).</summary>
    public string Name
    {
        get
        {
            string folder = Path.GetFullPath(Checkpoint).TrimEnd(Path.DirectorySeparatorChar);
            string leaf = Path.GetFileName(folder);
            string run = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(folder)) ?? folder);
            return leaf == "best" ? run : $"{run}/{leaf}";
        }
    }

    /// <summary>Loads <paramref name="checkpoint"/>; <paramref name="modelConfigOf"/> reads the model section of the run configuration saved in it (config.yaml).</summary>
    public static TrainedModel Load(string checkpoint, FeatureStoreManifest features, Configuration.Device device, Func<string, ModelConfig> modelConfigOf)
    {
        CheckpointStore.RequireFolder(checkpoint);

        CheckpointState state = CheckpointStore.ReadState(checkpoint);
        if (state.Mode == TrainingMode.EndToEnd)
        {
            // Its heads expect features of its own fine-tuned backbone (backbone.pt), not the frozen ones in a store.
            throw new BadInputException(
                $"checkpoint '{checkpoint}' was trained end to end; extract features with its fine-tuned backbone first " +
                "(backbone.weights: <run>/backbone.pt, then vrec extract) and evaluate on that store");
        }

        if (state.FeatureDimension != features.FeatureDimension)
        {
            throw new BadInputException(
                $"checkpoint '{checkpoint}' was trained on {state.FeatureDimension}-d features ({state.Backbone}); the feature store holds {features.FeatureDimension}-d features ({features.Backbone}). Evaluate it on features from the same backbone.");
        }

        if (!File.Exists(CheckpointStore.ModelFile(checkpoint)))
        {
            throw new BadInputException($"checkpoint '{checkpoint}': {Path.GetFileName(CheckpointStore.ModelFile(checkpoint))} is missing (the weights were deleted or never written); use another checkpoint of the run");
        }

        var model = new AnnotationEfficientModel(state.FeatureDimension, state.BaseClasses.Count, modelConfigOf(CheckpointStore.ConfigFile(checkpoint)).Resolved());
        try
        {
            model.load(CheckpointStore.ModelFile(checkpoint));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or EndOfStreamException)
        {
            model.Dispose();
            throw new BadInputException($"checkpoint '{checkpoint}': model.bin does not fit the model its config describes ({e.Message})");
        }

        model.to(Backbones.BackboneFactory.ToTorch(device));
        model.eval();
        return new TrainedModel(checkpoint, state, model);
    }

    public void Dispose() => Model.Dispose();
}
