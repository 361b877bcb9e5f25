using System.Numerics.Tensors;

namespace VideoRecognition.FewShot;

/// <summary>
/// Multinomial logistic regression fitted on the support set by full-batch gradient descent from zero:
/// minimise mean_i CE(softmax(W x_i + b), y_i) + lambda/2 ||W||^2 (bias not penalised) over the L2-normalised
/// support features. Fixed step 1/(1 + lambda), a bound on the loss's curvature for unit features with a bias
/// (Böhning: the softmax Hessian is at most 1/2 of X'X/n, and ||[x, 1]||^2 = 2), so it never diverges.
/// <para>
/// Runs in the dual: starting from W = 0, every gradient step keeps W = A' X (a combination of the support
/// features), so the n x n Gram matrix replaces the D-dimensional weights and a step costs n*n*N instead of
/// n*N*D. This is the same iterate sequence as the primal descent, not an approximation. No randomness.
/// </para>
/// </summary>
internal sealed class LogisticRegressionClassifier(int iterations, double l2) : IEpisodeClassifier
{
    public void Predict(EmbeddingTable table, ReadOnlySpan<int> support, ReadOnlySpan<int> query, int way, int shot, EpisodeWorkspace workspace, Span<int> predicted)
    {
        int n = support.Length;
        Span<float> gram = workspace.Gram.AsSpan(0, n * n);
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                float dot = TensorPrimitives.Dot(table.Row(support[i]), table.Row(support[j]));
                gram[i * n + j] = dot;
                gram[j * n + i] = dot;
            }
        }

        Span<float> a = workspace.Coefficients.AsSpan(0, n * way);
        Span<float> bias = workspace.Bias.AsSpan(0, way);
        Fit(gram, n, way, shot, a, bias, workspace.Probabilities.AsSpan(0, n * way));

        Span<float> similarity = workspace.QuerySimilarity.AsSpan(0, n);
        Span<float> logits = workspace.Logits.AsSpan(0, way);
        for (int q = 0; q < query.Length; q++)
        {
            ReadOnlySpan<float> features = table.Row(query[q]);
            for (int j = 0; j < n; j++)
            {
                similarity[j] = TensorPrimitives.Dot(features, table.Row(support[j]));
            }

            Logits(similarity, a, bias, way, logits);
            predicted[q] = TensorPrimitives.IndexOfMax(logits);
        }
    }

    private void Fit(ReadOnlySpan<float> gram, int n, int way, int shot, Span<float> a, Span<float> bias, Span<float> residual)
    {
        float step = (float)(1.0 / (1.0 + l2));
        float shrink = (float)(1.0 - step * l2);
        a.Clear();
        bias.Clear();
        Span<float> logits = stackalloc float[way];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            // residual = softmax(logits) - one_hot(y): the gradient of the cross-entropy with respect to the logits.
            for (int i = 0; i < n; i++)
            {
                Logits(gram.Slice(i * n, n), a, bias, way, logits);
                Span<float> r = residual.Slice(i * way, way);
                TensorPrimitives.SoftMax(logits, r);
                r[i / shot] -= 1f;
            }

            for (int c = 0; c < way; c++)
            {
                float sum = 0f;
                for (int i = 0; i < n; i++)
                {
                    sum += residual[i * way + c];
                }

                bias[c] -= step * sum / n;
            }

            for (int k = 0; k < n * way; k++)
            {
                a[k] = shrink * a[k] - step * residual[k] / n;
            }
        }
    }

    // logits_c = sum_j similarity_j * a[j, c] + bias_c, i.e. (W x)_c + b_c with W = A' X.
    private static void Logits(ReadOnlySpan<float> similarity, ReadOnlySpan<float> a, ReadOnlySpan<float> bias, int way, Span<float> logits)
    {
        bias.CopyTo(logits);
        for (int j = 0; j < similarity.Length; j++)
        {
            float s = similarity[j];
            ReadOnlySpan<float> row = a.Slice(j * way, way);
            for (int c = 0; c < way; c++)
            {
                logits[c] += s * row[c];
            }
        }
    }
}
