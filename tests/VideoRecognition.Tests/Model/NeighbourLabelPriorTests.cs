using VideoRecognition.Model;
using static TorchSharp.torch;
using static VideoRecognition.Tests.Model.ModelTensors;

namespace VideoRecognition.Tests.Model;

public sealed class NeighbourLabelPriorTests
{
    private const long Fg = (long)PseudoLabel.Fg;
    private const long Nbg = (long)PseudoLabel.Nbg;

    /// <summary>
    /// 4 classes x 3 videos x 4 segments in 16-d: segments 0-2 show their class's action (a class direction plus
    /// noise), segment 3 of some videos shows a title card shared by every class (one direction plus noise).
    /// </summary>
    private static (Tensor Features, Tensor Labels) Videos(bool[] withTitleCard)
    {
        var random = new Random(7);
        const int classes = 4, perClass = 3, segments = 4, dimension = 16;
        var values = new float[classes * perClass * segments * dimension];
        var labels = new long[classes * perClass];
        for (int v = 0; v < classes * perClass; v++)
        {
            labels[v] = v / perClass;
            for (int s = 0; s < segments; s++)
            {
                int direction = s == 3 && withTitleCard[v] ? classes : (int)labels[v];
                for (int d = 0; d < dimension; d++)
                {
                    values[(((v * segments) + s) * dimension) + d] = (d == direction ? 3f : 0f) + (float)(random.NextDouble() - 0.5);
                }
            }
        }

        return (tensor(values).reshape(classes * perClass, segments, dimension), tensor(labels));
    }

    [Fact]
    public void Content_shared_by_every_class_scores_high_and_a_class_action_low()
    {
        using var scope = NewDisposeScope();
        bool[] titled = Enumerable.Range(0, 12).Select(v => v % 2 == 0).ToArray();
        var (features, labels) = Videos(titled);

        float[] prior = NeighbourLabelPrior.Compute(features, labels, classCount: 4, neighbours: 5).flatten().data<float>().ToArray();

        float[] titleCards = Enumerable.Range(0, 12).Where(v => titled[v]).Select(v => prior[(v * 4) + 3]).ToArray();
        float[] actions = Enumerable.Range(0, 12).SelectMany(v => Enumerable.Range(0, titled[v] ? 3 : 4).Select(s => prior[(v * 4) + s])).ToArray();
        Assert.True(titleCards.Min() > 0.7, $"title cards {string.Join(", ", titleCards)}");
        Assert.True(actions.Max() < 0.3, $"actions up to {actions.Max()}");
        Assert.All(prior, p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void A_videos_own_segments_are_not_its_neighbours()
    {
        using var scope = NewDisposeScope();
        // Video 0's four segments are one vector no other video shows: counted among its own neighbours they
        // would make its label look consistent; among other videos' segments its neighbours are spread.
        var (features, labels) = Videos(new bool[12]);
        features[0] = ones(4, 16); // as close to every class's action as to any other

        float[] prior = NeighbourLabelPrior.Compute(features, labels, classCount: 4, neighbours: 6).flatten().data<float>().ToArray();

        Assert.All(prior[..4], p => Assert.True(p > 0.6, $"video 0 segment prior {p}"));
    }

    [Fact]
    public void In_the_bootstrap_epoch_the_prior_picks_nbg_and_with_neighbour_labels_it_picks_them_throughout()
    {
        using var scope = NewDisposeScope();
        // C = 3, background last; the head calls segment 0 background (p_bg ~0.87), the prior calls segment 2.
        Tensor logits = tensor(new float[] { 0, 0, 0, 3, /**/ 0, 4, 0, -2, /**/ 0, 4, 0, -2, /**/ 0, 4, 0, -2 }).reshape(1, 4, 4);
        Tensor prior = tensor(new float[] { 0.1f, 0.2f, 0.9f, 0.3f }).reshape(1, 4);
        var bootstrap = new ModelConfig { WarmupEpochs = 1, OpenSetBootstrapEpochs = 1, PriorThreshold = 0.7, OpenSetScore = OpenSetScore.Background };

        // Segment 0's base classes are uniform, so p(y) = 1/3 is its largest and passes fg_threshold 0.2.
        Assert.Equal(new[] { Fg, Fg, Nbg, Fg }, Row(PseudoLabeller.Assign(logits, Labels(1), 3, bootstrap, epoch: 1, training: true, prior).Labels, 0));
        Assert.Equal(Nbg, Row(PseudoLabeller.Assign(logits, Labels(1), 3, bootstrap, epoch: 2, training: true, prior).Labels, 0)[0]); // the head from then on
        Assert.Equal(Fg, Row(PseudoLabeller.Assign(logits, Labels(1), 3, bootstrap, epoch: 2, training: true, prior).Labels, 0)[2]);

        var throughout = bootstrap with { OpenSetScore = OpenSetScore.NeighbourLabels };
        long[] late = Row(PseudoLabeller.Assign(logits, Labels(1), 3, throughout, epoch: 9, training: true, prior).Labels, 0);
        Assert.Equal(Nbg, late[2]);
        Assert.NotEqual(Nbg, late[0]);
        // Without a prior (inspecting one video) the same config reads the head.
        Assert.Equal(Nbg, Row(PseudoLabeller.Assign(logits, Labels(1), 3, throughout, epoch: 9).Labels, 0)[0]);
    }
}
