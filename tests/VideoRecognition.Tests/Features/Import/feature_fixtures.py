"""Writes ActivityNet feature fixtures with the libraries the real feature sets were made with.

    feature_fixtures.py hdf5 SPEC.json OUT.hdf5   # h5py: group v_<id>, dataset c3d_features [T, D]
    feature_fixtures.py csv  SPEC.json OUT_DIR    # pandas: v_<id>.csv, header f0..f<D-1>, no index column
    feature_fixtures.py npy  SPEC.json OUT_DIR    # numpy: <name>.npy, [T, D]

SPEC.json: {"dataset": "c3d_features",
            "videos": [{"name": "v_abc", "dtype": "float32", "rows": [[...], ...]}            explicit rows
                       {"name": "v_def", "dtype": "float32", "shape": [T, D], "seed": 3,
                        "signal": {"classes": 6, "class": 2, "fg": [[r0, r1], ...]}}       generated rows
                      ],
            "truncate_inside": "v_xyz"}   (hdf5 only: cut the file in the middle of that video's data)

Per-video options: "nan_at": [r, c] (that value NaN), "inf_at": [r, c] (that value -inf), "reshape": [...], "fortran": true (npy, column-major),
"drop_columns": ["f5"] (csv), "index": true (csv: pandas' default row-index column kept), "no_dataset": true (hdf5).
Generated rows: a class direction on the rows inside "fg", a shared background direction elsewhere, plus noise;
directions come from one generator seeded by the spec's "signal_seed", so videos of one class share them.
"""
import json
import os
import sys

import numpy as np


def rows_of(video, spec):
    rows = generated(video, spec) if "shape" in video else np.asarray(video["rows"], dtype=np.float64)
    if "nan_at" in video:
        rows[tuple(video["nan_at"])] = np.nan
    if "inf_at" in video:
        rows[tuple(video["inf_at"])] = -np.inf
    return rows


def generated(video, spec):
    t, d = video["shape"]
    rng = np.random.default_rng(video.get("seed", 0))
    signal = video.get("signal")
    if signal is None:
        return rng.standard_normal((t, d))
    directions = np.random.default_rng(spec.get("signal_seed", 0)).standard_normal((signal["classes"] + 1, d))
    rows = np.repeat(directions[-1][None, :], t, axis=0)
    for r0, r1 in signal["fg"]:
        rows[r0:r1] = directions[signal["class"]]
    return rows + 0.5 * rng.standard_normal((t, d))


def write_hdf5(spec, out):
    import h5py

    dataset = spec.get("dataset", "c3d_features")
    with h5py.File(out, "w") as f:
        for video in spec["videos"]:
            group = f.create_group(video["name"])
            if video.get("no_dataset"):
                continue
            group.create_dataset(dataset, data=rows_of(video, spec).astype(video.get("dtype", "float32")))
    cut = spec.get("truncate_inside")
    if cut:
        with h5py.File(out, "r") as f:
            data = f[cut][dataset]
            offset = data.id.get_offset()
            size = data.id.get_storage_size()
        os.truncate(out, offset + size // 2)


def write_csv(spec, out):
    import pandas as pd

    os.makedirs(out, exist_ok=True)
    for video in spec["videos"]:
        rows = rows_of(video, spec).astype(video.get("dtype", "float64"))
        frame = pd.DataFrame(rows, columns=[f"f{i}" for i in range(rows.shape[1])])
        frame = frame.drop(columns=video.get("drop_columns", []))
        frame.to_csv(os.path.join(out, video["name"] + ".csv"), index=video.get("index", False))


def write_npy(spec, out):
    os.makedirs(out, exist_ok=True)
    for video in spec["videos"]:
        rows = rows_of(video, spec).astype(video.get("dtype", "float32"))
        if "reshape" in video:
            rows = rows.reshape(video["reshape"])
        if video.get("fortran"):
            rows = np.asfortranarray(rows)
        np.save(os.path.join(out, video["name"] + ".npy"), rows)


def main():
    kind, spec_path, out = sys.argv[1:4]
    with open(spec_path) as f:
        spec = json.load(f)
    {"hdf5": write_hdf5, "csv": write_csv, "npy": write_npy}[kind](spec, out)


if __name__ == "__main__":
    main()
