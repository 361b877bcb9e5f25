using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace VideoRecognition.Backbones;

/// <summary>
/// torchvision's ResNet without its classifier: the stem, the four stages and global average pooling.
/// The children keep torchvision's names (conv1, bn1, layer1.0.conv1, layer1.0.downsample.0, ...) so a
/// torchvision state_dict loads key for key; only fc.weight and fc.bias have nowhere to go.
/// </summary>
internal sealed class ResNetTrunk : Module<Tensor, Tensor>
{
    // The children are taken over from a torchvision model, so the names below must stay torchvision's.
#pragma warning disable IDE1006
    private readonly Module<Tensor, Tensor> conv1;
    private readonly Module<Tensor, Tensor> bn1;
    private readonly Module<Tensor, Tensor> relu;
    private readonly Module<Tensor, Tensor> maxpool;
    private readonly Module<Tensor, Tensor> layer1;
    private readonly Module<Tensor, Tensor> layer2;
    private readonly Module<Tensor, Tensor> layer3;
    private readonly Module<Tensor, Tensor> layer4;
    private readonly Module<Tensor, Tensor> avgpool;
    private readonly Module<Tensor, Tensor> flatten;
#pragma warning restore IDE1006

    /// <param name="architecture">resnet18, resnet34 or resnet50.</param>
    /// <param name="cntkLayout">
    /// ResNet-18 as CNTK defines it (the offline ImageNet model): layer4 has three blocks instead of two.
    /// The third block is torchvision's too, taken from a resnet34, whose layer4 is exactly three such blocks.
    /// </param>
    public ResNetTrunk(BackboneArchitecture architecture, bool cntkLayout = false)
        : base(cntkLayout ? "resnet18-cntk" : architecture.ToString().ToLowerInvariant())
    {
        if (cntkLayout && architecture != BackboneArchitecture.Resnet18)
        {
            throw new ArgumentException("the CNTK layout exists for resnet18 only", nameof(cntkLayout));
        }

        // torchvision initialises the weights (Kaiming normal convolutions, unit batch norms) from the global
        // torch generator, which the caller seeds.
        var full = architecture switch
        {
            BackboneArchitecture.Resnet18 => torchvision.models.resnet18(),
            BackboneArchitecture.Resnet34 => torchvision.models.resnet34(),
            BackboneArchitecture.Resnet50 => torchvision.models.resnet50(),
            _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "not a ResNet"),
        };
        var children = full.named_children().ToDictionary(c => c.name, c => (Module<Tensor, Tensor>)c.module);
        conv1 = children["conv1"];
        bn1 = children["bn1"];
        relu = children["relu"];
        maxpool = children["maxpool"];
        layer1 = children["layer1"];
        layer2 = children["layer2"];
        layer3 = children["layer3"];
        layer4 = children["layer4"];
        if (cntkLayout)
        {
            layer4.Dispose();
            foreach (var (name, module) in torchvision.models.resnet34().named_children())
            {
                if (name == "layer4")
                {
                    layer4 = (Module<Tensor, Tensor>)module;
                }
                else
                {
                    module.Dispose();
                }
            }
        }

        avgpool = children["avgpool"];
        flatten = children["flatten"];
        children["fc"].Dispose(); // the rest of `full` now belongs to this module

        FeatureDimension = architecture == BackboneArchitecture.Resnet50 ? 2048 : 512;
        RegisterComponents();
    }

    public int FeatureDimension { get; }

    /// <summary>The freezable stages in input order: the stem (conv1 and bn1), then layer1 to layer4.</summary>
    public IReadOnlyList<Module[]> Stages => [[conv1, bn1], [layer1], [layer2], [layer3], [layer4]];

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();

        // N x 3 x H x W -> N x 64 x H/4 x W/4
        var x = maxpool.call(relu.call(bn1.call(conv1.call(images))));

        x = layer1.call(x);
        x = layer2.call(x);
        x = layer3.call(x);

        // -> N x D x H/32 x W/32
        x = layer4.call(x);

        // -> N x D
        var features = flatten.call(avgpool.call(x));
        return features.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            bn1.Dispose();
            relu.Dispose();
            maxpool.Dispose();
            layer1.Dispose();
            layer2.Dispose();
            layer3.Dispose();
            layer4.Dispose();
            avgpool.Dispose();
            flatten.Dispose();
        }

        base.Dispose(disposing);
    }
}
