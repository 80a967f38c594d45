"""Writes gan_references.json: PyTorch 1.13 values for CourseKit's GAN tests.

torch.autograd.grad (first order, and with create_graph=True a second backward through it), the
four GAN losses on fixed logits with their gradients, and the WGAN-GP gradient penalty of a small
MLP critic and of a conv critic (Gulrajani et al. 2017, lambda = 10) with the gradient of the
penalty with respect to every critic weight (the double backward). Inputs, weights and the
interpolation weights epsilon are stored, so no random generator has to match.

Run from the repository root:  /usr/bin/python3 tests/CourseKit.Tests/Gan/make_gan_references.py
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(2024)
torch.set_num_threads(1)


def enc(t):
    t = t.detach().contiguous()
    return {"shape": list(t.shape), "dtype": "float32", "data": t.reshape(-1).tolist()}


def penalty(critic, real, fake, eps, lam=10.0):
    e = eps.reshape([-1] + [1] * (real.dim() - 1))
    x = (e * real + (1 - e) * fake).requires_grad_()
    g, = torch.autograd.grad(critic(x).sum(), x, create_graph=True)
    return lam * ((g.reshape(len(g), -1).norm(2, dim=1) - 1) ** 2).mean()


out = {}

# autograd.grad: y = sum(tanh(x W) * v), its gradient in x, and the gradient in W of |dy/dx|^2.
x = torch.randn(4, 3, requires_grad=True)
w = (torch.randn(3, 5) * 0.7).requires_grad_()
v = torch.randn(4, 5)
y = torch.tanh(x @ w) * v
gx, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), create_graph=True)
gw, = torch.autograd.grad(gx.square().sum(), w)
out["grad"] = {"x": enc(x), "w": enc(w), "v": enc(v), "dy_dx": enc(gx), "d_gradnorm_dw": enc(gw)}

# Losses on fixed logits, with the gradient of each loss in its inputs.
real = torch.tensor([2.5, -1.0, 0.3, 8.0, -30.0], requires_grad=True)
fake = torch.tensor([-3.0, 0.7, -0.2, -40.0, 5.0], requires_grad=True)
losses = {
    "discriminator": lambda: F.softplus(-real).mean() + F.softplus(fake).mean(),
    "generator_minimax": lambda: torch.log(1 - torch.sigmoid(fake.double())).float().mean(),
    "generator_non_saturating": lambda: -F.logsigmoid(fake).mean(),
    "critic": lambda: fake.mean() - real.mean(),
    "generator_wasserstein": lambda: -fake.mean(),
}
out["losses"] = {"real": enc(real), "fake": enc(fake)}
for name, f in losses.items():
    loss = f()
    greal, gfake = torch.autograd.grad(loss, [real, fake], allow_unused=True)
    out["losses"][name] = {"value": loss.item(),
                           "d_real": enc(greal if greal is not None else torch.zeros_like(real)),
                           "d_fake": enc(gfake if gfake is not None else torch.zeros_like(fake))}

# Gradient penalty of an MLP critic on 2-D points, and of a conv critic on 1x8x8 images.
mlp = nn.Sequential(nn.Linear(2, 16), nn.LeakyReLU(0.2), nn.Linear(16, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
conv = nn.Sequential(nn.Conv2d(1, 4, 4, stride=2, padding=1), nn.LeakyReLU(0.2),
                     nn.Conv2d(4, 8, 4, stride=2, padding=1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(8 * 2 * 2, 1))
for name, critic, shape in [("mlp", mlp, (6, 2)), ("conv", conv, (5, 1, 8, 8))]:
    real = torch.randn(*shape)
    fake = torch.randn(*shape) * 0.5 + 0.3
    eps = torch.rand(shape[0])
    gp = penalty(critic, real, fake, eps)
    grads = torch.autograd.grad(gp, list(critic.parameters()), allow_unused=True)
    grads = [g if g is not None else torch.zeros_like(p) for g, p in zip(grads, critic.parameters())]
    out["penalty_" + name] = {
        "state": {k: enc(p) for k, p in critic.state_dict().items()},
        "real": enc(real), "fake": enc(fake), "eps": enc(eps), "value": gp.item(),
        "grads": {k: enc(g) for (k, _), g in zip(critic.named_parameters(), grads)},
    }

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gan_references.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", path)
