#!/usr/bin/env python3
"""Open-set quality of every model of a `vrec study` folder, from each run's train.jsonl (epoch lines):
NBG pseudo-label precision after the warm-up (its best, its last value, and the largest fall below the best
reached so far), AUROC of p(background) for NBG vs the rest at the last epoch, and the mean self-weight of
true FG and true NBG segments; every initialisation of a study run with --inits is a run of its own here.
Usage: open_set_quality.py STUDY_FOLDER [--warmup-epochs 1]"""
import argparse
import glob
import json
import os
import statistics


def epochs(log):
    with open(log) as lines:
        return [r for r in map(json.loads, filter(str.strip, lines)) if r.get("kind") == "epoch"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("study")
    parser.add_argument("--warmup-epochs", type=int, default=1, help="model.warmup_epochs of the runs (log epochs start at 1)")
    args = parser.parse_args()
    rows = {}
    # runs/ holds the seed's own initialisation, runs-init-<k>/ the others of a study run with --inits.
    for log in sorted(glob.glob(os.path.join(args.study, "seed-*", "runs*", "*", "train.jsonl"))):
        model = os.path.basename(os.path.dirname(log))
        runs = log.split(os.sep)[-3]
        seed = log.split(os.sep)[-4] + ("" if runs == "runs" else " init " + runs[len("runs-init-"):])
        after = [r for r in epochs(log) if r["epoch"] > args.warmup_epochs and r.get("nbg_precision") is not None]
        if not after:
            continue
        best, drop = 0.0, 0.0
        for r in after:
            best = max(best, r["nbg_precision"])
            drop = max(drop, best - r["nbg_precision"])
        last = after[-1]
        rows.setdefault(model, []).append((seed, best, last["nbg_precision"], drop, last.get("nbg_auroc_background"),
                                           last.get("fg_mean_weight"), last.get("nbg_mean_weight")))
    print("| model | seed | NBG precision best / last | largest fall below best so far | p(bg) AUROC (last) | mean w FG / NBG (last) |")
    print("| --- | --- | --- | --- | --- | --- |")
    fmt = lambda x: "-" if x is None else f"{x:.3f}"
    for model, seeds in rows.items():
        for seed, best, last, drop, auroc, wfg, wnbg in seeds:
            print(f"| {model} | {seed} | {best:.3f} / {last:.3f} | {drop * 100:.1f} points | {fmt(auroc)} | {fmt(wfg)} / {fmt(wnbg)} |")
        aurocs = [s[4] for s in seeds if s[4] is not None]
        print(f"| {model} | all | mean last {statistics.mean(s[2] for s in seeds):.3f} | worst {max(s[3] for s in seeds) * 100:.1f} points | "
              f"{'min ' + fmt(min(aurocs)) if aurocs else '-'} | |")


if __name__ == "__main__":
    main()
