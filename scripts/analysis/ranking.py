"""Ranking measures the analysis scripts share."""
import numpy as np


def auroc(score, positive):
    """AUROC of score for the boolean mask positive (Mann-Whitney U over ranks; tied scores keep the order of a
    stable sort, so their share of the U depends on input order)."""
    ranks = np.empty(len(score))
    ranks[np.argsort(score, kind="stable")] = np.arange(1, len(score) + 1)
    n1 = positive.sum()
    n0 = len(positive) - n1
    return (ranks[positive].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)
