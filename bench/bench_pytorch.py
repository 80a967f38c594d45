"""PyTorch side of CourseKit's benchmark: the same models, data sizes, optimizers and step
counts as bench/CourseKit.Bench, timed the same way. Prints one JSON object per model.

    /usr/bin/python3 bench/bench_pytorch.py --threads 2 --mlp-steps 400 --dcgan-steps 20 --wgan-gp-steps 20 --vae-steps 300 --pixelcnn-steps 20 --sample-batches 1 --unet-steps 6 --op-calls 20000
"""
import argparse
import json
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# The VAE is the one the reference run trains (same modules, as CourseKit's MLP VariationalAutoencoder).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "reference"))
from vae_mnist_pytorch import VariationalAutoencoder  # noqa: E402
from pixelcnn_mnist_pytorch import PixelCnn, nll  # noqa: E402
from diffusion_unet_pytorch import UNet  # noqa: E402


def mlp():
    return nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))


def dcgan_generator(z_dim=100):
    # DCGAN (Radford et al. 2016) sized for 28x28 images: z -> 128x7x7 -> 64x14x14 -> 1x28x28.
    return nn.Sequential(
        nn.Linear(z_dim, 128 * 7 * 7), nn.Unflatten(1, (128, 7, 7)), nn.BatchNorm2d(128), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())


def dcgan_discriminator():
    return nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(128 * 7 * 7, 1))


def time_steps(step, steps, warmup):
    for _ in range(warmup):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return steps / (time.perf_counter() - start)


def bench_mlp(steps, warmup, batch=128):
    model = mlp()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.rand(batch, 784)
    y = torch.randint(0, 10, (batch,))

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()

    return time_steps(step, steps, warmup)


def bench_dcgan(steps, warmup, batch=64, z_dim=100):
    g, d = dcgan_generator(z_dim), dcgan_discriminator()
    opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    real = torch.rand(batch, 1, 28, 28) * 2 - 1
    ones, zeros = torch.ones(batch, 1), torch.zeros(batch, 1)

    def step():
        # Discriminator: real -> 1, fake -> 0.
        fake = g(torch.randn(batch, z_dim))
        opt_d.zero_grad()
        loss_d = (F.binary_cross_entropy_with_logits(d(real), ones)
                  + F.binary_cross_entropy_with_logits(d(fake.detach()), zeros))
        loss_d.backward()
        opt_d.step()
        # Generator, non-saturating loss: fake -> 1.
        opt_g.zero_grad()
        loss_g = F.binary_cross_entropy_with_logits(d(fake), ones)
        loss_g.backward()
        opt_g.step()

    return time_steps(step, steps, warmup)


def bench_wgan_gp(steps, warmup, batch=64, z_dim=100, lam=10.0):
    # One critic step of WGAN-GP (Gulrajani et al. 2017) with the DCGAN networks, the critic without
    # batch norm: the gradient penalty needs a double backward through the convolutions.
    g = dcgan_generator(z_dim)
    d = nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(128 * 7 * 7, 1))
    opt_d = torch.optim.Adam(d.parameters(), lr=1e-4, betas=(0.5, 0.9))
    real = torch.rand(batch, 1, 28, 28) * 2 - 1

    def step():
        with torch.no_grad():
            fake = g(torch.randn(batch, z_dim))
        eps = torch.rand(batch, 1, 1, 1)
        mixed = (eps * real + (1 - eps) * fake).requires_grad_()
        grad, = torch.autograd.grad(d(mixed).sum(), mixed, create_graph=True)
        penalty = lam * ((grad.reshape(batch, -1).square().sum(1).add(1e-12).sqrt() - 1) ** 2).mean()
        loss = d(fake).mean() - d(real).mean() + penalty
        opt_d.zero_grad()
        loss.backward()
        opt_d.step()

    return time_steps(step, steps, warmup)


def bench_vae(steps, warmup, batch=128):
    model = VariationalAutoencoder()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = (torch.rand(batch, 784) < 0.5).float()

    def step():
        logits, mu, logvar = model(x)
        # Negative ELBO per example: Bernoulli reconstruction + closed-form KL to N(0, I).
        reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(1)
        kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(1)
        opt.zero_grad()
        (reconstruction + kl).mean().backward()
        opt.step()

    return time_steps(step, steps, warmup)


def bench_pixelcnn(steps, warmup, batch=64):
    """One PixelCNN step: 7x7 type-A and five 3x3 type-B masked convs of 16 maps, batch 64, exact NLL, Adam."""
    model = PixelCnn(16, 5)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = (torch.rand(batch, 1, 28, 28) < 0.5).float()

    def step():
        loss = nll(model, x).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()

    return time_steps(step, steps, warmup)


def bench_sample16(batches, warmup):
    """Pixel-by-pixel sampling of 16 binary 28x28 images from the same PixelCNN: 784 forward passes of a batch of 16."""
    model = PixelCnn(16, 5).eval()

    def sample():
        with torch.no_grad():
            x = torch.zeros(16, 1, 28, 28)
            for i in range(28):
                for j in range(28):
                    p = torch.sigmoid(model(x)[:, :, i, j])
                    x[:, :, i, j] = torch.bernoulli(p)

    return time_steps(sample, batches, warmup)


def ddpm_alpha_bar(steps=1000):
    beta = torch.linspace(1e-4, 0.02, steps, dtype=torch.float64)
    return beta, torch.cumprod(1 - beta, 0)


def bench_unet(steps, warmup, batch=32):
    """One DDPM training step (Algorithm 1) of the same U-Net as CourseKit's, batch 32."""
    unet = UNet()
    opt = torch.optim.Adam(unet.parameters(), lr=2e-4)
    x0 = torch.rand(batch, 1, 28, 28) * 2 - 1
    _, alpha_bar = ddpm_alpha_bar()

    def step():
        t = torch.randint(1000, (batch,))
        noise = torch.randn_like(x0)
        a = alpha_bar[t].float()[:, None, None, None]
        loss = (unet(a.sqrt() * x0 + (1 - a).sqrt() * noise, t) - noise).square().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()

    return time_steps(step, steps, warmup)


def bench_unet_sampling(steps, warmup, batch=64):
    """One reverse step of DDPM sampling (Algorithm 2) for 64 images, without gradient."""
    unet = UNet().eval()
    beta, alpha_bar = ddpm_alpha_bar()
    x = torch.randn(batch, 1, 28, 28)
    t = 500

    def step():
        with torch.no_grad():
            eps = unet(x, torch.full((batch,), t, dtype=torch.int64))
            mean = (x - beta[t].item() / (1 - alpha_bar[t].item()) ** 0.5 * eps) / (1 - beta[t].item()) ** 0.5
            return mean + beta[t].item() ** 0.5 * torch.randn_like(x)

    return time_steps(step, steps, warmup)


def bench_ops(calls):
    """Per-operator overhead: calls per second on tiny tensors (the arithmetic is negligible)."""
    a, b = torch.rand(8, 8), torch.rand(8, 8)
    layer, x = nn.Linear(8, 8), torch.rand(4, 8)

    def add():
        c = a + b  # noqa: F841  released at once, as CourseKit's `using`

    def mm():
        c = a.matmul(b)  # noqa: F841

    def linear():
        layer(x).sum().backward()

    return {
        "op:add": time_steps(add, calls, calls // 10),
        "op:mm8x8": time_steps(mm, calls, calls // 10),
        "op:linear": time_steps(linear, calls // 4, calls // 40),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--mlp-steps", type=int, default=400)
    parser.add_argument("--dcgan-steps", type=int, default=20)
    parser.add_argument("--wgan-gp-steps", type=int, default=20)
    parser.add_argument("--vae-steps", type=int, default=300)
    parser.add_argument("--pixelcnn-steps", type=int, default=20)
    parser.add_argument("--sample-batches", type=int, default=1)
    parser.add_argument("--unet-steps", type=int, default=6)
    parser.add_argument("--op-calls", type=int, default=20000)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    print(json.dumps({"model": "mlp", "steps_per_s": bench_mlp(args.mlp_steps, 30)}))
    print(json.dumps({"model": "dcgan", "steps_per_s": bench_dcgan(args.dcgan_steps, 3)}))
    print(json.dumps({"model": "wgan-gp", "steps_per_s": bench_wgan_gp(args.wgan_gp_steps, 3)}))
    print(json.dumps({"model": "vae", "steps_per_s": bench_vae(args.vae_steps, 30)}))
    print(json.dumps({"model": "pixelcnn", "steps_per_s": bench_pixelcnn(args.pixelcnn_steps, 3)}))
    print(json.dumps({"model": "sample16", "steps_per_s": bench_sample16(args.sample_batches, 0)}))
    print(json.dumps({"model": "unet", "steps_per_s": bench_unet(args.unet_steps, 1)}))
    print(json.dumps({"model": "unet-sample", "steps_per_s": bench_unet_sampling(2 * args.unet_steps, 2)}))
    for model, rate in bench_ops(args.op_calls).items():
        print(json.dumps({"model": model, "steps_per_s": rate}))


if __name__ == "__main__":
    main()
