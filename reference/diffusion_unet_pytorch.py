"""PyTorch reference for CourseKit's diffusion U-Net (lib/CourseKit/Models/Diffusion/UNet.cs).

The same network (UNetSettings' defaults: 32 base channels, embedding 128, 8 groups, attention at 7x7,
unconditional), started from the weights CourseKit wrote (reference/DiffusionUNet, --init), trained with
DDPM's simple loss (Ho et al. 2020, Algorithm 1; linear β from 1e-4 to 0.02, T = 1000) on datasets/mnist
scaled to [−1, 1], batch 64 in the order of torch.randperm, Adam lr 2e-4. After torch.manual_seed(seed + 1)
both sides draw the same numbers in the same order (randperm per epoch, then per step randint for t and
randn for ε), so the two loss curves should agree up to floating-point rounding.

    dotnet run -c Release --project reference/DiffusionUNet -- --steps 200 --seed 0 --init /tmp/unet-init.safetensors > /tmp/coursekit.json
    /usr/bin/python3 reference/diffusion_unet_pytorch.py --steps 200 --seed 0 --init /tmp/unet-init.safetensors --compare /tmp/coursekit.json
"""
import argparse
import json
import math
import os
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vae_mnist_pytorch import read_idx  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
T = 1000


def read_safetensors(path):
    """The float32 tensors of a safetensors file (8-byte header length, JSON header, raw data)."""
    with open(path, "rb") as f:
        raw = f.read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] != "F32":
            raise ValueError(f"{path}: {name} is {entry['dtype']}, expected F32")
        start, end = entry["data_offsets"]
        out[name] = torch.frombuffer(bytearray(raw[8 + n + start:8 + n + end]), dtype=torch.float32).reshape(entry["shape"])
    return out


def sinusoidal(t, size):
    half = size // 2
    omega = torch.exp(torch.arange(half, dtype=torch.float32) * (-math.log(10000) / half))
    angles = t.float()[:, None] * omega[None, :]
    return torch.cat([angles.sin(), angles.cos()], 1)


class ResidualBlock(nn.Module):
    def __init__(self, cin, cout, e, groups):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, cin)
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.embedding = nn.Linear(e, cout)
        self.norm2 = nn.GroupNorm(groups, cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.skip = nn.Identity() if cin == cout else nn.Conv2d(cin, cout, 1)

    def forward(self, x, e):
        h = self.conv1(F.silu(self.norm1(x)))
        h = h + self.embedding(F.silu(e))[:, :, None, None]
        h = self.conv2(F.silu(self.norm2(h)))
        return h + self.skip(x)


class SelfAttention2d(nn.Module):
    def __init__(self, c, groups):
        super().__init__()
        self.c = c
        self.norm = nn.GroupNorm(groups, c)
        self.qkv = nn.Conv2d(c, 3 * c, 1)
        self.proj = nn.Conv2d(c, c, 1)

    def forward(self, x):
        b, _, h, w = x.shape
        q, k, v = self.qkv(self.norm(x)).reshape(b, 3 * self.c, h * w).chunk(3, 1)
        weights = (q.transpose(1, 2).bmm(k) / math.sqrt(self.c)).softmax(-1)
        return x + self.proj(v.bmm(weights.transpose(1, 2)).reshape(b, self.c, h, w))


class UNet(nn.Module):
    """Same modules and parameter names as CourseKit.Models.Diffusion.UNet with UNetSettings' defaults."""

    def __init__(self, c=32, e=128, groups=8):
        super().__init__()
        self.e = e
        self.time_mlp = nn.Sequential(nn.Linear(e, e), nn.SiLU(), nn.Linear(e, e))
        self.input = nn.Conv2d(1, c, 3, padding=1)
        self.down1 = ResidualBlock(c, c, e, groups)
        self.downsample1 = nn.Conv2d(c, c, 3, stride=2, padding=1)
        self.down2 = ResidualBlock(c, 2 * c, e, groups)
        self.downsample2 = nn.Conv2d(2 * c, 2 * c, 3, stride=2, padding=1)
        self.middle1 = ResidualBlock(2 * c, 2 * c, e, groups)
        self.attention = SelfAttention2d(2 * c, groups)
        self.middle2 = ResidualBlock(2 * c, 2 * c, e, groups)
        self.upsample2 = nn.Conv2d(2 * c, 2 * c, 3, padding=1)
        self.up2 = ResidualBlock(4 * c, 2 * c, e, groups)
        self.upsample1 = nn.Conv2d(2 * c, 2 * c, 3, padding=1)
        self.up1 = ResidualBlock(3 * c, c, e, groups)
        self.output_norm = nn.GroupNorm(groups, c)
        self.output = nn.Conv2d(c, 1, 3, padding=1)

    def forward(self, x, t):
        e = self.time_mlp(sinusoidal(t, self.e))
        h1 = self.down1(self.input(x), e)
        h2 = self.down2(self.downsample1(h1), e)
        h = self.middle1(self.downsample2(h2), e)
        h = self.middle2(self.attention(h), e)
        h = self.up2(torch.cat([self.upsample2(F.interpolate(h, scale_factor=2.0)), h2], 1), e)
        h = self.up1(torch.cat([self.upsample1(F.interpolate(h, scale_factor=2.0)), h1], 1), e)
        return self.output(F.silu(self.output_norm(h)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--init", required=True, help="the initial weights CourseKit wrote")
    parser.add_argument("--compare", help="CourseKit's JSON output: print the ratio of the two loss curves")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)

    images = read_idx(os.path.join(ROOT, "datasets", "mnist", "train-images-idx3-ubyte.gz"))
    images = (images.float().div(255.0) * 2.0 - 1.0).reshape(-1, 1, 28, 28)
    unet = UNet()
    missing, unexpected = unet.load_state_dict(read_safetensors(args.init), strict=True)
    optimizer = torch.optim.Adam(unet.parameters(), lr=2e-4)
    beta = torch.linspace(1e-4, 0.02, T, dtype=torch.float64)
    alpha_bar = torch.cumprod(1 - beta, 0)

    torch.manual_seed(args.seed + 1)
    losses = []
    start = time.perf_counter()
    order = torch.randperm(images.shape[0])
    position = 0
    for _ in range(args.steps):
        if position + args.batch > images.shape[0]:
            order = torch.randperm(images.shape[0])
            position = 0
        x0 = images.index_select(0, order.narrow(0, position, args.batch))
        position += args.batch
        t = torch.randint(T, (args.batch,))
        noise = torch.randn_like(x0)
        a = alpha_bar[t].float()[:, None, None, None]
        xt = a.sqrt() * x0 + (1 - a).sqrt() * noise
        loss = (unet(xt, t) - noise).square().mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(round(loss.item(), 6))
    result = {"seed": args.seed, "steps": args.steps, "batch": args.batch,
              "seconds_per_step": round((time.perf_counter() - start) / args.steps, 4),
              "parameters": sum(p.numel() for p in unet.parameters()), "losses": losses}
    print(json.dumps(result))
    if args.compare:
        with open(args.compare) as f:
            theirs = json.loads(f.read().strip().splitlines()[-1])["losses"]
        n = min(len(theirs), len(losses))
        worst = max(abs(theirs[k] / losses[k] - 1) for k in range(n))
        windows = [(k, sum(theirs[k:k + 20]) / sum(losses[k:k + 20])) for k in range(0, n - n % 20, 20)]
        print(json.dumps({"steps_compared": n, "largest_step_deviation": round(worst, 6),
                          "coursekit_over_pytorch_per_20_steps": [round(r, 5) for _, r in windows]}))


if __name__ == "__main__":
    main()
