"""PyTorch reference for CourseKit's PixelCNN on the shipped MNIST.

Trains the PixelCNN of van den Oord, Kalchbrenner & Kavukcuoglu 2016 ("Pixel Recurrent Neural
Networks") in the setting CourseKit uses (CourseKit.Models.PixelCnn with PixelCnnSettings): a 7x7
type-A masked convolution 1 -> h, `layers` 3x3 type-B masked convolutions h -> h, ReLU after each,
then 1x1 h -> h, ReLU, 1x1 h -> 1 giving one Bernoulli logit per pixel; PyTorch's default Conv2d
initialisation (CourseKit's is the same). Data: datasets/mnist (8,000 training and 2,000 test
images) binarized with the fixed threshold x > 0.5, reshuffled every epoch, Adam with lr 1e-3.
Reports the exact test negative log-likelihood: the mean over the 2,000 test images of
-log p(x) = -sum_i [x_i log p_i + (1 - x_i) log(1 - p_i)] in nats, and bits/dim = nats / (784 ln 2).

CourseKit's counterpart: `dotnet run -c Release --project reference/PixelCnnMnist -- --epochs 5 --seed 0`.

    /usr/bin/python3 reference/pixelcnn_mnist_pytorch.py --epochs 5 --seeds 0 1 2 --out reference/pixelcnn_mnist_pytorch.json
"""
import argparse
import math
import json
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vae_mnist_pytorch import read_idx, write_result  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def binarized_images(split):
    """(N, 1, 28, 28) float32 in {0, 1}: pixel / 255 > 0.5, CourseKit's PixelTransform.Binarize."""
    images = read_idx(os.path.join(ROOT, "datasets", "mnist", f"{split}-images-idx3-ubyte.gz"))
    return (images.float().div(255.0) > 0.5).float().unsqueeze(1)


class MaskedConv2d(nn.Conv2d):
    """Conv2d with weight * mask, "same" padding; mask type A hides the centre, B keeps it (CausalMask.Raster)."""

    def __init__(self, cin, cout, k, mask_type):
        super().__init__(cin, cout, k, padding=k // 2)
        mask = torch.zeros(k, k)
        c = k // 2
        mask[:c, :] = 1
        mask[c, :c + (1 if mask_type == "B" else 0)] = 1
        self.register_buffer("mask", mask.view(1, 1, k, k))

    def forward(self, x):
        return F.conv2d(x, self.weight * self.mask, self.bias, padding=self.padding)


class PixelCnn(nn.Module):
    """Same modules, order of creation and parameter names as CourseKit.Models.PixelCnn."""

    def __init__(self, channels=16, layers=5):
        super().__init__()
        self.input_conv = MaskedConv2d(1, channels, 7, "A")
        self.hidden = nn.ModuleList([MaskedConv2d(channels, channels, 3, "B") for _ in range(layers)])
        self.output_hidden = nn.Conv2d(channels, channels, 1)
        self.output = nn.Conv2d(channels, 1, 1)

    def forward(self, x):
        a = F.relu(self.input_conv(x))
        for layer in self.hidden:
            a = F.relu(layer(a))
        return self.output(F.relu(self.output_hidden(a)))


def nll(model, x):
    """-log p(x) in nats per image, (B)."""
    return F.binary_cross_entropy_with_logits(model(x), x, reduction="none").flatten(1).sum(1)


def run(seed, epochs, batch, lr, channels, layers, train, test):
    torch.manual_seed(seed)
    model = PixelCnn(channels, layers)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    start = time.perf_counter()
    n = train.shape[0]
    for _ in range(epochs):
        order = torch.randperm(n)
        for first in range(0, n, batch):
            x = train[order[first:first + batch]]
            loss = nll(model, x).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    train_seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        value = torch.cat([nll(model, test[k:k + 500]) for k in range(0, test.shape[0], 500)]).mean().item()
    return {"seed": seed, "test_nll": value, "test_bits_per_dim": value / (784 * math.log(2)),
            "train_seconds": round(train_seconds, 1)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--channels", type=int, default=16)
    parser.add_argument("--layers", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--out", help="also write the result to this JSON file")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    train, test = binarized_images("train"), binarized_images("t10k")
    runs = []
    for seed in args.seeds:
        runs.append(run(seed, args.epochs, args.batch, args.lr, args.channels, args.layers, train, test))
        print(json.dumps(runs[-1]), flush=True)
    values = [r["test_nll"] for r in runs]
    mean = sum(values) / len(values)
    result = {
        "model": f"PixelCNN, 7x7 type-A masked conv, {args.layers} 3x3 type-B masked convs, h = {args.channels}, ReLU, "
                 "1x1 convs, Bernoulli logits",
        "data": f"datasets/mnist, binarized x > 0.5: {train.shape[0]} train, {test.shape[0]} test",
        "optimizer": f"Adam lr {args.lr}, batch {args.batch}, reshuffled every epoch",
        "epochs": args.epochs,
        "test_nll_mean": mean,
        "test_bits_per_dim_mean": mean / (784 * math.log(2)),
        "test_nll_min": min(values),
        "test_nll_max": max(values),
        "unit": "nats per test image, exact -log p(x), mean over the test set",
        "runs": runs,
    }
    write_result(result, args.threads, args.out)


if __name__ == "__main__":
    main()
