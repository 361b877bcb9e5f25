#!/usr/bin/env python3
"""Mean self-weight w_t = 1 - p_t(background) of a trained run's model by split part (base / novel), ground-truth
kind and what the span shows, on the stored test view: what the self-weighting does to novel-class videos.
Reads model.pt (a PyTorch state_dict) with Debian's torch and reimplements the embedding head and the classifier
(Linear-ReLU-Linear, then Linear to C+1; dropout is off at inference).

Usage: /usr/bin/python3 self_weights.py RUN_FOLDER [MODEL]   (RUN_FOLDER: a demo folder or a study's seed-<s>;
MODEL: a folder under runs/, default full). Needs python3-torch and python3-numpy."""
import json, sys, numpy as np, torch
root = sys.argv[1]; model = sys.argv[2] if len(sys.argv) > 2 else "full"
sd = torch.load(f"{root}/runs/{model}/model.pt", map_location="cpu")
man = json.load(open(f"{root}/features/manifest.json")); V, S, D = man["views"], man["segments"], man["feature_dimension"]
raw = np.fromfile(f"{root}/features/features.f16", dtype=np.float16)
gt = {v["id"]: v for v in json.load(open(f"{root}/synthetic/ground_truth.json"))["videos"]}
part = {}
for l in open(f"{root}/synthetic/splits.txt"):
    if l.strip() and not l.startswith("#"):
        p, c = l.rstrip("\n").split("\t"); part[c] = p
def embed(x):
    h = torch.relu(x @ sd["embedding.hidden.weight"].T + sd["embedding.hidden.bias"])
    return h @ sd["embedding.output.weight"].T + sd["embedding.output.bias"]
out = {}
for l in open(f"{root}/features/index.jsonl"):
    r = json.loads(l); p = part.get(r["label"])
    if p not in ("base", "novel"): continue
    x = torch.tensor(raw[r["offset"]//2: r["offset"]//2 + V*S*D].reshape(V, S, D)[0].astype(np.float32))
    logits = embed(x) @ sd["classifier.weight"].T + sd["classifier.bias"]
    w = 1 - torch.softmax(logits, -1)[:, -1]
    g = gt[r["id"]]
    for s in range(S):
        t = (s + 0.5) * g["duration"] / S
        sp = next((sp for sp in g["spans"] if sp["start"] <= t < sp["end"]), g["spans"][-1])
        key = (p, sp["kind"], sp.get("shows"))
        out.setdefault(key, []).append(float(w[s]))
for k in sorted(out, key=str):
    print(k, f"n={len(out[k])} mean w={np.mean(out[k]):.3f}")
