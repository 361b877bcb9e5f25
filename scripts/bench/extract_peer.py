"""The peer `vrec bench extract` compares against: the same extraction job written the way a PyTorch user
would write it (PyTorch + torchvision + OpenCV, decoding and transforms in DataLoader worker processes
overlapped with the forward pass). It follows ../shared/bench/extract_peer.py (ResNet-18, 112 px) and
takes the model setting as arguments, so the ActivityNet setting (ResNet-50, 224 px, shorter side 256)
runs the same way.

Per video: S TSN segments; each segment's centre frame (test view: resize shorter side, centre crop) and
one random frame per segment in V SimCLR-style views (random resized crop, flip, colour jitter, grayscale,
blur); (1 + V) * S images through a torchvision ResNet with random weights, pooled features kept as float16.

    /usr/bin/python3 extract_peer.py --list FILE [--arch resnet18] [--size 112] [--shorter 128]
                                     [--segments 8] [--train-views 2] [--workers 1] [--threads 2]

FILE lists one video path a line. Prints one JSON line: videos, seconds, videos_per_s, images_per_s.
"""
import argparse
import json
import random
import time

import cv2
import numpy as np
import torch
import torchvision

MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)


def frames_at(path, indices):
    """The frames at the given indices, read in one forward pass (grab skips, read decodes)."""
    capture = cv2.VideoCapture(path)
    found, position = {}, 0
    for index in sorted(set(indices)):
        while position < index and capture.grab():
            position += 1
        ok, frame = capture.read()
        position += 1
        if not ok:
            break
        found[index] = frame
    capture.release()
    return [found.get(i) for i in indices]


def test_view(frame, size, shorter):
    h, w = frame.shape[:2]
    scale = shorter / min(h, w)
    frame = cv2.resize(frame, (max(size, round(w * scale)), max(size, round(h * scale))), interpolation=cv2.INTER_LINEAR)
    h, w = frame.shape[:2]
    top, left = (h - size) // 2, (w - size) // 2
    return frame[top:top + size, left:left + size]


def training_view(frame, size, rng):
    h, w = frame.shape[:2]
    left, top, cw, ch = 0, 0, w, h
    for _ in range(10):
        area = h * w * rng.uniform(0.2, 1.0)
        aspect = np.exp(rng.uniform(np.log(3 / 4), np.log(4 / 3)))
        tw, th = int(round((area * aspect) ** 0.5)), int(round((area / aspect) ** 0.5))
        if 0 < tw <= w and 0 < th <= h:
            left, top, cw, ch = rng.randint(0, w - tw), rng.randint(0, h - th), tw, th
            break
    view = cv2.resize(frame[top:top + ch, left:left + cw], (size, size), interpolation=cv2.INTER_LINEAR).astype(np.float32) / 255
    if rng.random() < 0.5:
        view = view[:, ::-1]
    if rng.random() < 0.8:
        view = np.clip(view * rng.uniform(0.6, 1.4), 0, 1)
        mean = view.mean()
        view = np.clip((view - mean) * rng.uniform(0.6, 1.4) + mean, 0, 1)
        hsv = cv2.cvtColor(np.ascontiguousarray(view), cv2.COLOR_BGR2HSV)
        hsv[..., 1] = np.clip(hsv[..., 1] * rng.uniform(0.6, 1.4), 0, 1)
        hsv[..., 0] = (hsv[..., 0] + rng.uniform(-0.1, 0.1) * 360) % 360
        view = cv2.cvtColor(hsv, cv2.COLOR_HSV2BGR)
    if rng.random() < 0.2:
        gray = cv2.cvtColor(np.ascontiguousarray(view), cv2.COLOR_BGR2GRAY)
        view = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    if rng.random() < 0.5:
        kernel = size // 10 | 1
        view = cv2.GaussianBlur(np.ascontiguousarray(view), (kernel, kernel), rng.uniform(0.1, 2.0))
    return (view * 255).astype(np.uint8)


def normalised_chw(image):
    rgb = image[:, :, ::-1].astype(np.float32) / 255
    return ((rgb - MEAN) / STD).transpose(2, 0, 1)


class Videos(torch.utils.data.Dataset):
    def __init__(self, paths, args):
        self.paths, self.args = paths, args

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        a, path = self.args, self.paths[i]
        rng = random.Random(i)
        capture = cv2.VideoCapture(path)
        frames = max(int(capture.get(cv2.CAP_PROP_FRAME_COUNT)), 1)
        capture.release()
        length = frames / a.segments
        centres = [min(frames - 1, int(length * s + length / 2)) for s in range(a.segments)]
        randoms = [min(frames - 1, int(length * s + rng.random() * length)) for s in range(a.segments)]
        decoded = frames_at(path, centres + randoms)
        fallback = next((f for f in decoded if f is not None), np.zeros((a.shorter, a.shorter, 3), np.uint8))
        decoded = [f if f is not None else fallback for f in decoded]
        images = [test_view(f, a.size, a.shorter) for f in decoded[:a.segments]]
        for _ in range(a.train_views):
            images += [training_view(f, a.size, rng) for f in decoded[a.segments:]]
        return torch.from_numpy(np.stack([normalised_chw(im) for im in images]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--list', required=True)
    parser.add_argument('--arch', default='resnet18', choices=['resnet18', 'resnet34', 'resnet50'])
    parser.add_argument('--size', type=int, default=112)
    parser.add_argument('--shorter', type=int, default=128)
    parser.add_argument('--segments', type=int, default=8)
    parser.add_argument('--train-views', type=int, default=2)
    parser.add_argument('--workers', type=int, default=1)
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    cv2.setNumThreads(1)
    with open(args.list) as f:
        paths = [line.strip() for line in f if line.strip()]
    net = getattr(torchvision.models, args.arch)()
    net.fc = torch.nn.Identity()
    net.eval()
    loader = torch.utils.data.DataLoader(Videos(paths, args), batch_size=None, num_workers=args.workers,
                                         **({'prefetch_factor': 4} if args.workers else {}))
    start, count = time.perf_counter(), 0
    with torch.inference_mode():
        for images in loader:
            net(images).to(torch.float16).numpy()
            count += 1
    seconds = time.perf_counter() - start
    per_video = (1 + args.train_views) * args.segments
    print(json.dumps({'peer': 'pytorch-extract', 'torch': torch.__version__, 'arch': args.arch, 'size': args.size,
                      'videos': count, 'seconds': round(seconds, 3), 'videos_per_s': round(count / seconds, 3),
                      'images_per_s': round(count * per_video / seconds, 1), 'workers': args.workers, 'threads': args.threads}))


if __name__ == '__main__':
    main()
