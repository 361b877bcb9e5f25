#!/usr/bin/env python3
"""Pairs one model across two `vrec study` folders run on the same seeds (so the same data and, with the same
eval settings, the same episodes), for a setting changed between them: per seed A - B, the mean difference with
its 95% Student-t interval over seeds, and how many seeds A is higher on. Reads each study.json.

Usage: python3 compare_studies.py STUDY_A STUDY_B [--model full]"""
import argparse
import json
import math
import statistics

# t(0.975, df) for df = 1..30; beyond that the normal 1.96 is within 2%.
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def per_seed(study, model):
    rows = {}
    for seed in study["per_seed"]:
        m = next(x for x in seed["models"] if x["model"] == model)
        accuracy = {a["shot"]: 100 * a["mean"] for a in m["accuracy"]}
        rows[seed["seed"]] = (seed["episode_seed"], {
            "1-shot (pp)": accuracy.get(1), "5-shot (pp)": accuracy.get(5), "mAP@0.5": m.get("map_at_0_5"),
            "p(background) AUROC": (m.get("training") or {}).get("nbg_auroc_background")})
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--model", default="full")
    args = parser.parse_args()
    a = per_seed(json.load(open(f"{args.a}/study.json")), args.model)
    b = per_seed(json.load(open(f"{args.b}/study.json")), args.model)
    seeds = sorted(set(a) & set(b))
    if len(seeds) < 2:
        raise SystemExit("the two studies share fewer than 2 seeds")
    if any(a[s][0] != b[s][0] for s in seeds):
        print("warning: the episode seeds differ, so the episodes differ too")
    print(f"{args.model}: A - B over seeds {', '.join(map(str, seeds))}")
    print("| metric | mean difference | 95% interval over seeds | A higher | per seed |")
    print("| --- | --- | --- | --- | --- |")
    for metric in a[seeds[0]][1]:
        d = [a[s][1][metric] - b[s][1][metric] for s in seeds
             if a[s][1][metric] is not None and b[s][1][metric] is not None]
        if len(d) < 2:
            continue
        mean = statistics.mean(d)
        half = (T975[len(d) - 2] if len(d) - 1 <= len(T975) else 1.96) * statistics.stdev(d) / math.sqrt(len(d))
        digits = 2 if "pp" in metric else 3
        print(f"| {metric} | {mean:+.{digits}f} | [{mean - half:+.{digits}f}, {mean + half:+.{digits}f}] | "
              f"{sum(x > 0 for x in d)} of {len(d)} | {', '.join(f'{x:+.{digits}f}' for x in d)} |")


if __name__ == "__main__":
    main()
