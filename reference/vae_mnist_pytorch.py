"""PyTorch reference for CourseKit's MLP VAE on the shipped MNIST.

Trains the VAE of Kingma & Welling 2014 in the setting CourseKit uses (MLP 784-400-20 with ReLU,
Bernoulli decoder on logits, prior N(0, I), diagonal Gaussian posterior), on datasets/mnist
(8,000 training and 2,000 test images) binarized with the fixed threshold x > 0.5, batch 128
(the last batch of an epoch holds the remaining 64), reshuffled every epoch, Adam with lr 1e-3,
and reports the test negative ELBO: the mean over the 2,000 test images of
-log p(x|z) + KL(q(z|x) || N(0, I)) in nats, one z ~ q(z|x) per image.

CourseKit's counterpart: `dotnet run -c Release --project reference/VaeMnist -- --epochs 50`.

    /usr/bin/python3 reference/vae_mnist_pytorch.py --epochs 50 --seeds 0 1 2 --out reference/vae_mnist_pytorch.json
"""
import argparse
import gzip
import json
import os
import platform
import struct
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_idx(path):
    """An IDX file (gzip-compressed, unsigned bytes) as a uint8 tensor of its stored shape."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    zero, kind, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or kind != 0x08:
        raise ValueError(f"{path}: not an IDX file of unsigned bytes")
    shape = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return torch.frombuffer(bytearray(data[4 + 4 * ndim:]), dtype=torch.uint8).reshape(shape)


def write_result(result, threads, out=None):
    """Completes a reference result with the versions and thread count, prints it, and writes it to `out` as JSON."""
    result = {**result, "torch": torch.__version__, "python": platform.python_version(), "threads": threads}
    print(json.dumps(result, indent=2))
    if out:
        with open(out, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")
    return result


def binarized(split):
    """(N, 784) float32 in {0, 1}: pixel / 255 > 0.5, CourseKit's PixelTransform.Binarize."""
    images = read_idx(os.path.join(ROOT, "datasets", "mnist", f"{split}-images-idx3-ubyte.gz"))
    return (images.float().div(255.0) > 0.5).float().reshape(images.shape[0], -1)


class VariationalAutoencoder(nn.Module):
    """Same modules and parameter names as CourseKit.Models.VariationalAutoencoder with MlpAutoencoderSettings."""

    def __init__(self, d=784, hidden=400, latent=20):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d, hidden), nn.ReLU())
        self.fc_mu = nn.Linear(hidden, latent)
        self.fc_logvar = nn.Linear(hidden, latent)
        self.decoder = nn.Sequential(nn.Linear(latent, hidden), nn.ReLU(), nn.Linear(hidden, d))

    def forward(self, x):
        h = self.encoder(x)
        mu, logvar = self.fc_mu(h), self.fc_logvar(h)
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        return self.decoder(z), mu, logvar


def negative_elbo(model, x):
    """Per example: (reconstruction, KL), each (B), in nats."""
    logits, mu, logvar = model(x)
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(1)
    kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(1)
    return reconstruction, kl


def run(seed, epochs, batch, lr, train, test):
    torch.manual_seed(seed)
    model = VariationalAutoencoder()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    start = time.perf_counter()
    n = train.shape[0]
    for _ in range(epochs):
        order = torch.randperm(n)
        for first in range(0, n, batch):
            x = train[order[first:first + batch]]
            reconstruction, kl = negative_elbo(model, x)
            loss = (reconstruction + kl).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    train_seconds = time.perf_counter() - start
    with torch.no_grad():
        reconstruction, kl = negative_elbo(model, test)
    return {
        "seed": seed,
        "test_negative_elbo": (reconstruction + kl).mean().item(),
        "test_reconstruction": reconstruction.mean().item(),
        "test_kl": kl.mean().item(),
        "train_seconds": round(train_seconds, 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=50)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--out", help="also write the result to this JSON file")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    train, test = binarized("train"), binarized("t10k")
    runs = []
    for seed in args.seeds:
        runs.append(run(seed, args.epochs, args.batch, args.lr, train, test))
        print(json.dumps(runs[-1]), flush=True)
    values = [r["test_negative_elbo"] for r in runs]
    result = {
        "model": "VAE, MLP 784-400-20, ReLU, Bernoulli decoder (logits)",
        "data": f"datasets/mnist, binarized x > 0.5: {train.shape[0]} train, {test.shape[0]} test",
        "optimizer": f"Adam lr {args.lr}, batch {args.batch}, reshuffled every epoch",
        "epochs": args.epochs,
        "test_negative_elbo_mean": sum(values) / len(values),
        "test_negative_elbo_min": min(values),
        "test_negative_elbo_max": max(values),
        "unit": "nats per test image, mean over the test set, one z ~ q(z|x) per image",
        "runs": runs,
    }
    write_result(result, args.threads, args.out)


if __name__ == "__main__":
    main()
