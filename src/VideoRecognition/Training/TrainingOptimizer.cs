using TorchSharp;
using TorchSharp.Modules;
using VideoRecognition.Model;
using static TorchSharp.torch;

namespace VideoRecognition.Training;

/// <summary>The optimiser of a training run, from train.optimizer and its rates.</summary>
internal static class TrainingOptimizer
{
    /// <summary>
    /// One optimiser over the heads and, in end-to-end mode, the backbone: the backbone in its own parameter
    /// group, whose rate is the schedule's times train.backbone_lr_scale (pretrained features need gentler steps).
    /// </summary>
    public static (OptimizerHelper Optimizer, double[] RateScales) Create(TrainingConfig train, AnnotationEfficientModel model, IReadOnlyList<Parameter> backbone)
    {
        if (backbone.Count == 0)
        {
            OptimizerHelper heads = train.Optimizer switch
            {
                OptimizerKind.Sgd => optim.SGD(model.parameters(), train.LearningRate, momentum: train.Momentum, weight_decay: train.WeightDecay),
                _ => optim.AdamW(model.parameters(), train.LearningRate, weight_decay: train.WeightDecay),
            };
            return (heads, [1.0]);
        }

        double backboneRate = train.LearningRate * train.BackboneLrScale;
        OptimizerHelper both = train.Optimizer switch
        {
            OptimizerKind.Sgd => optim.SGD(
                [new SGD.ParamGroup(model.parameters(), new SGD.Options { LearningRate = train.LearningRate, momentum = train.Momentum, weight_decay = train.WeightDecay }),
                 new SGD.ParamGroup(backbone, new SGD.Options { LearningRate = backboneRate, momentum = train.Momentum, weight_decay = train.WeightDecay })],
                train.LearningRate, momentum: train.Momentum, weight_decay: train.WeightDecay),
            _ => optim.AdamW(
                [new AdamW.ParamGroup(model.parameters(), new AdamW.Options { LearningRate = train.LearningRate, weight_decay = train.WeightDecay }),
                 new AdamW.ParamGroup(backbone, new AdamW.Options { LearningRate = backboneRate, weight_decay = train.WeightDecay })],
                train.LearningRate, weight_decay: train.WeightDecay),
        };
        return (both, [1.0, train.BackboneLrScale]);
    }
}
