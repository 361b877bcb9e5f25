#!/usr/bin/env python3
"""Mean self-weight w_t = 1 - p_t(background) of a trained run's model by split part (base / novel), ground-truth
kind and what the span shows, on the stored test view: what the self-weighting does to novel-class videos. Then,
on the base classes, the AUROC of p(background) = 1 - w for NBG against each other kind (FG action, IBG other action,
IBG scene): which informative content the head mistakes for background.
Reads model.pt (a PyTorch state_dict) with Debian's torch and reimplements the embedding head and the classifier
(Linear-ReLU-Linear, then Linear to C+1; dropout is off at inference).

Usage: /usr/bin/python3 self_weights.py RUN_FOLDER [MODEL]   (RUN_FOLDER: a demo folder or a study's seed-<s>;
MODEL: a folder under runs/, default full). Needs python3-torch and python3-numpy."""
import sys

import numpy as np
import torch

import runfolder
from ranking import auroc


def main():
    root = sys.argv[1]
    model = sys.argv[2] if len(sys.argv) > 2 else "full"
    forward, _ = runfolder.segment_model(root, model)

    weights = {}
    for _, _, part, view0, spans in runfolder.segments(root, {"base", "novel"}):
        _, logits = forward(view0)
        w = 1 - torch.softmax(logits, -1)[:, -1]  # the background class is last
        for s, span in enumerate(spans):
            weights.setdefault((part, span["kind"], span.get("shows")), []).append(float(w[s]))
    for key in sorted(weights, key=str):
        print(key, f"n={len(weights[key])} mean w={np.mean(weights[key]):.3f}")
    nbg = [1 - w for (part, kind, _), ws in weights.items() if part == "base" and kind == "NBG" for w in ws]
    for (part, kind, shows), ws in sorted(weights.items(), key=str):
        if part == "base" and kind != "NBG" and nbg:
            score = np.array(nbg + [1 - w for w in ws])
            print(f"base: p(background) AUROC, NBG vs {kind} {shows}: {auroc(score, np.arange(len(score)) < len(nbg)):.3f}")


if __name__ == "__main__":
    main()
