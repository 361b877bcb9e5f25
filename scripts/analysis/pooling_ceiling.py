#!/usr/bin/env python3
"""How much any background-suppressing pooling could gain on a run's novel classes: few-shot accuracy of each
trained model's segment embeddings pooled five ways, on the run's own episodes (eval/episodes-5way-<K>shot.json):
- as evaluated: the model's own weights (1 - p(background), or 1 for models without self-weighting), which
  reproduces `vrec eval` and so checks this reimplementation;
- mean: every segment alike (TSN pooling);
- no true NBG: the mean over the segments that the ground truth does not call NBG, i.e. a perfect NBG detector;
- true FG only: the mean over the action's own segments, i.e. a perfect action localiser;
- gated at p(bg) 0.5: the model's own weights with every segment its head calls background (w < 0.5) left out
  (a video gated everywhere keeps its weights), a test-time rule that was tried and not adopted (README).
Prototype classifier (mean of the L2-normalised support features, renormalised; cosine), test-time view.
The gap between "no true NBG" and "mean" of the baseline is the most that removing NBG can add to the baseline's
features; the gap up to "true FG only" is what informative background costs.

Usage: /usr/bin/python3 pooling_ceiling.py FOLDER [FOLDER...]   (FOLDER: a demo folder, a study's seed-<s>, or a
study folder, whose seed-* folders are all read). Needs python3-torch and python3-numpy."""
import glob
import json
import os
import sys

import numpy as np
import torch

import runfolder

POOLINGS = ("as evaluated", "mean", "no true NBG", "true FG only", "gated at p(bg) 0.5")


def video_features(root, model):
    """{video id: pooled [len(POOLINGS), E] float array, one row per POOLINGS entry} for the novel videos."""
    forward, config = runfolder.segment_model(root, model)
    weighted = config.get("baseline") != "true" and config.get("self_weighting", "none") != "none"
    pooled = {}
    for video, _, _, view0, spans in runfolder.segments(root, {"novel"}):
        with torch.no_grad():
            z, logits = forward(view0)
        if not weighted:
            own = torch.ones(z.shape[0])
        elif config["self_weighting"] == "softmax":
            own = torch.softmax(-logits[:, -1] / float(config.get("weighting_temperature", "1")), 0)
        else:
            own = 1 - torch.softmax(logits, -1)[:, -1]  # the background class is last
        kinds = [span["kind"] for span in spans]
        mean = torch.ones(z.shape[0])
        gated = own * (own >= 0.5) if weighted and config["self_weighting"] == "background" else own
        # (weights, what a video with none of those segments falls back to): all NBG or no FG at this
        # sampling falls back to the mean, a video gated everywhere to its own weights.
        rows = [(own, own), (mean, mean), (torch.tensor([float(k != "NBG") for k in kinds]), mean),
                (torch.tensor([float(k == "FG") for k in kinds]), mean), (gated, own)]
        rows = [w if float(w.sum()) > 0 else fallback for w, fallback in rows]
        pooled[video] = np.stack([((w[:, None] * z).sum(0) / w.sum()).numpy() for w in rows])
    return pooled


def accuracy(pooled, episodes, pooling):
    """Mean prototype accuracy in % over the episodes (an episode file's list), for one column of POOLINGS."""
    vectors = {v: f[pooling] / np.linalg.norm(f[pooling]) for v, f in pooled.items()}
    correct = total = 0
    for episode in episodes:
        prototypes = np.stack([np.mean([vectors[v] for v in support], 0) for support in episode["support"]])
        prototypes /= np.linalg.norm(prototypes, axis=1, keepdims=True)
        for truth, queries in enumerate(episode["query"]):
            predicted = np.argmax(np.stack([vectors[q] for q in queries]) @ prototypes.T, 1)
            correct += int((predicted == truth).sum())
            total += len(queries)
    return 100.0 * correct / total


def run_folders(folder):
    seeds = sorted(glob.glob(os.path.join(folder, "seed-*")))
    return seeds if seeds else [folder]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    table = {}
    for root in [r for folder in sys.argv[1:] for r in run_folders(folder)]:
        # Every model of a run is evaluated on the same episodes: read each file once.
        episodes = {shot: json.load(open(os.path.join(root, "eval", f"episodes-5way-{shot}shot.json")))["episodes"]
                    for shot in (1, 5)}
        for model in sorted(os.listdir(os.path.join(root, "runs"))):
            pooled = video_features(root, model)
            for shot in (1, 5):
                row = [accuracy(pooled, episodes[shot], p) for p in range(len(POOLINGS))]
                table[(os.path.basename(root), model, shot)] = row
                print(f"{os.path.basename(root)} {model:>20} {shot}-shot " + " ".join(f"{a:6.2f}" for a in row), flush=True)
    print("\nmean over runs, 5-way accuracy (%):", " | ".join(POOLINGS))
    for model in sorted({m for _, m, _ in table}):
        for shot in (1, 5):
            rows = np.array([r for (_, m, s), r in table.items() if m == model and s == shot])
            print(f"{model:>20} {shot}-shot " + " ".join(f"{a:6.2f}" for a in rows.mean(0)) + f"  (n={len(rows)})")


if __name__ == "__main__":
    main()
