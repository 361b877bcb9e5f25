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
        Fit(gram, n, way, shot, a, bias, workspace.Probabilities.AsSpan(0, n * way), workspace.Column.AsSpan(0, 2 * n));

        Span<float> similarity = workspace.QuerySimilarity.AsSpan(0, n);
        Span<float> logits = workspace.Logits.AsSpan(0, way);
        for (int q = 0; q < query.Length; q++)
        {
            ReadOnlySpan<float> features = table.Row(query[q]);
            for (int j = 0; j < n; j++)
            {
                similarity[j] = TensorPrimitives.Dot(features, table.Row(support[j]));
            }

            for (int c = 0; c < way; c++)
            {
                logits[c] = TensorPrimitives.Dot(similarity, a.Slice(c * n, n)) + bias[c];
            }

            predicted[q] = TensorPrimitives.IndexOfMax(logits);
        }
    }

    // Column-major (class c's n values contiguous: A_c, R_c) so every step is a handful of vector operations over
    // the n support samples; support i has class i / K, so a class's one-hot entries are one contiguous slice.
    private void Fit(ReadOnlySpan<float> gram, int n, int way, int shot, Span<float> a, Span<float> bias, Span<float> residual, Span<float> scratch)
    {
        float step = (float)(1.0 / (1.0 + l2));
        float shrink = (float)(1.0 - step * l2);
        float stepPerSample = step / n;
        Span<float> max = scratch[..n];
        Span<float> sum = scratch[n..];
        a.Clear();
        bias.Clear();
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            // logits L_c = G A_c + b_c (W x_i = sum_j a_j (x_j . x_i)).
            for (int c = 0; c < way; c++)
            {
                Span<float> logits = residual.Slice(c * n, n);
                ReadOnlySpan<float> coefficients = a.Slice(c * n, n);
                for (int i = 0; i < n; i++)
                {
                    logits[i] = TensorPrimitives.Dot(gram.Slice(i * n, n), coefficients) + bias[c];
                }
            }

            // residual = softmax over classes - one_hot(y): the cross-entropy's gradient with respect to the logits.
            residual[..n].CopyTo(max);
            for (int c = 1; c < way; c++)
            {
                TensorPrimitives.Max(max, residual.Slice(c * n, n), max);
            }

            sum.Clear();
            for (int c = 0; c < way; c++)
            {
                Span<float> column = residual.Slice(c * n, n);
                TensorPrimitives.Subtract(column, max, column);
                TensorPrimitives.Exp(column, column);
                TensorPrimitives.Add(sum, column, sum);
            }

            for (int c = 0; c < way; c++)
            {
                Span<float> column = residual.Slice(c * n, n);
                TensorPrimitives.Divide(column, sum, column);
                Span<float> own = column.Slice(c * shot, shot);
                TensorPrimitives.Subtract(own, 1f, own);
                bias[c] -= step * TensorPrimitives.Sum(column) / n;
                Span<float> coefficients = a.Slice(c * n, n);
                TensorPrimitives.Multiply(coefficients, shrink, coefficients);
                TensorPrimitives.MultiplyAdd(column, -stepPerSample, coefficients, coefficients);
            }
        }
    }
}
