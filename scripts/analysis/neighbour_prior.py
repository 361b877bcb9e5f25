#!/usr/bin/env python3
"""How well the neighbour-label prior (Model/NeighbourLabelPrior.cs) finds NBG, measured against the synthetic
ground truth on a run folder's stored features (view 0): for every base-class segment, the entropy of the video
labels of its k nearest segments in other videos, over log min(k, C). Prints the AUROC for NBG vs the rest and
precision / recall at several thresholds. An independent NumPy reading of the same definition, so it also
checks the C# one.

Usage: /usr/bin/python3 neighbour_prior.py RUN_FOLDER [--k 20]
RUN_FOLDER holds synthetic/ (ground_truth.json, splits.txt) and features/ (index.jsonl, features.f16,
manifest.json), as a `vrec demo` folder or a study's seed-<s> folder does. Needs NumPy (python3-numpy)."""
import argparse

import numpy as np

import runfolder
from ranking import auroc


def load(root):
    features, kinds, videos, labels = [], [], [], []
    for video, label, _, view0, spans in runfolder.segments(root, {"base"}):
        for s, span in enumerate(spans):
            features.append(view0[s])
            kinds.append(span["kind"] if span["kind"] != "IBG" else f"IBG {span.get('shows')}")
            videos.append(video)
            labels.append(label)
    return np.array(features), np.array(kinds), np.array(videos), labels


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run")
    parser.add_argument("--k", type=int, default=20)
    args = parser.parse_args()
    x, kinds, videos, labels = load(args.run)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    classes = sorted(set(labels))
    label = np.array([classes.index(l) for l in labels])
    similarity = x @ x.T
    similarity[videos[:, None] == videos[None, :]] = -np.inf  # a video's own segments are not its neighbours
    nearest = np.argsort(-similarity, axis=1)[:, :args.k]
    share = np.stack([np.bincount(label[n], minlength=len(classes)) for n in nearest]) / args.k
    with np.errstate(divide="ignore", invalid="ignore"):
        entropy = -np.nansum(np.where(share > 0, share * np.log(share), 0.0), axis=1)
    prior = np.clip(entropy / np.log(max(2, min(args.k, len(classes)))), 0, 1)
    nbg = kinds == "NBG"
    ibg = np.char.startswith(kinds.astype(str), "IBG")
    print(f"{len(x)} base-class segments, {len(classes)} classes; NBG {nbg.mean():.3f}, FG {(kinds == 'FG').mean():.3f}, IBG {ibg.mean():.3f}")
    print(f"AUROC NBG vs rest {auroc(prior, nbg):.3f} (k = {args.k})")
    for other in sorted(set(kinds) - {"NBG"}):
        pair = nbg | (kinds == other)
        print(f"AUROC NBG vs {other}: {auroc(prior[pair], nbg[pair]):.3f}")
    for threshold in (0.5, 0.6, 0.7, 0.8):
        pick = prior >= threshold
        precision = nbg[pick].mean() if pick.any() else float("nan")
        print(f"threshold {threshold}: picks {pick.mean():.3f} of segments, NBG precision {precision:.3f}, recall {pick[nbg].mean():.3f}")


if __name__ == "__main__":
    main()
