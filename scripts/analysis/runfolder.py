"""Reads a run folder (a `vrec demo` folder or a study's seed-<s>) for the analysis scripts: the stored test view of
every segment of the videos of some split parts, with the ground-truth span its centre falls in."""
import json
import os

import numpy as np


def segments(root, parts):
    """Yields (video id, class, split part, [T, D] float32 test-view features, [span dict per segment])."""
    manifest = json.load(open(os.path.join(root, "features", "manifest.json")))
    views, count, dim = manifest["views"], manifest["segments"], manifest["feature_dimension"]
    raw = np.fromfile(os.path.join(root, "features", "features.f16"), dtype=np.float16)
    truth = {v["id"]: v for v in json.load(open(os.path.join(root, "synthetic", "ground_truth.json")))["videos"]}
    part = {}
    for line in open(os.path.join(root, "synthetic", "splits.txt")):
        if line.strip() and not line.startswith("#"):
            p, c = line.rstrip("\n").split("\t")
            part[c] = p
    for line in open(os.path.join(root, "features", "index.jsonl")):
        r = json.loads(line)
        if part.get(r["label"]) not in parts:
            continue
        start = r["offset"] // 2
        view0 = raw[start:start + views * count * dim].reshape(views, count, dim)[0].astype(np.float32)
        video = truth[r["id"]]
        spans = video["spans"]
        centres = [(s + 0.5) * video["duration"] / count for s in range(count)]  # the test view samples each centre
        yield r["id"], r["label"], part[r["label"]], view0, [
            next((sp for sp in spans if sp["start"] <= t < sp["end"]), spans[-1]) for t in centres]


def segment_model(root, model):
    """The head of runs/<model>/model.pt (a PyTorch state_dict) reimplemented with Debian's torch, dropout off as at
    inference: returns f([T, D] features) -> ([T, E] embeddings z, [T, K] segment logits; background last when the
    model has the class), and the run's model section as {key: text} from its effective-config.yaml."""
    import torch

    folder = os.path.join(root, "runs", model)
    sd = {k: v.detach() for k, v in torch.load(os.path.join(folder, "model.pt"), map_location="cpu").items()}
    section, config = None, {}
    for line in open(os.path.join(folder, "effective-config.yaml")):
        if line and not line[0].isspace():
            section = line.split(":")[0].strip()
        elif section == "model" and ":" in line:
            key, value = line.split(":", 1)
            config[key.strip()] = value.split("#")[0].strip()

    def forward(features):
        x = torch.as_tensor(features, dtype=torch.float32)
        h = torch.relu(x @ sd["embedding.hidden.weight"].T + sd["embedding.hidden.bias"])
        z = h @ sd["embedding.output.weight"].T + sd["embedding.output.bias"]
        return z, z @ sd["classifier.weight"].T + sd["classifier.bias"]

    return forward, config
