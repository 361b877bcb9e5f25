using TorchSharp;
using static TorchSharp.torch;

namespace VideoRecognition.Tests.Runtime;

/// <summary>Proves the patched libLibTorchSharp.so really loads and trains, not just that a flag is set.</summary>
public sealed class TorchLoadsTests
{
    [Fact]
    public void Tensor_arithmetic_runs()
    {
        using var scope = NewDisposeScope();

        using Scalar one = 1f.ToScalar();
        Assert.Equal(6f, ones(2, 3).mul(one).sum().item<float>());
    }

    [Fact]
    public void Resnet18_runs_forward_and_one_sgd_step()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var model = torchvision.models.resnet18(num_classes: 10);
        model.train();
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);
        Tensor input = randn(2, 3, 112, 112);
        Tensor target = tensor(new long[] { 3, 8 });
        Tensor[] before = model.parameters().Select(p => p.detach().clone()).ToArray();

        Tensor output = model.forward(input);
        Tensor loss = nn.functional.cross_entropy(output, target);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        Assert.Equal(new long[] { 2, 10 }, output.shape);
        Assert.True(float.IsFinite(loss.item<float>()), $"loss is {loss.item<float>()}");
        Tensor[] after = model.parameters().ToArray();
        Assert.Equal(before.Length, after.Length);
        Assert.Contains(Enumerable.Range(0, after.Length), i => !before[i].eq(after[i]).all().item<bool>());
    }
}
