namespace VideoRecognition.Training;

/// <summary>
/// Area under the ROC curve of a score for telling positives from negatives: the probability that a random
/// positive scores above a random negative, ties counting one half (the Mann-Whitney U statistic over
/// positives x negatives, from average ranks).
/// </summary>
public static class Auroc
{
    /// <returns>The area, or NaN when either class is empty.</returns>
    public static double Of(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        if (scores.Count != positive.Count)
        {
            throw new ArgumentException($"{scores.Count} scores for {positive.Count} labels");
        }

        int[] order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            double averageRank = ((start + end) / 2.0) + 1; // ranks are 1-based; tied scores share their mean rank
            for (int k = start; k <= end; k++)
            {
                if (positive[order[k]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        long negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double u = positiveRankSum - (positives * (positives + 1) / 2.0);
        return u / (positives * (double)negatives);
    }
}
