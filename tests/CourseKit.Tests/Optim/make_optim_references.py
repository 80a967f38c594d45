"""Reference numbers for CourseKit's optimizer, schedule and clipping tests (PyTorch 1.13).

Run from this folder:  /usr/bin/python3 make_optim_references.py  ->  optim_references.json

Optimizer cases: two float32 parameters (3x4 and 3) start from fixed values and receive
explicit gradients for 5 steps (the second parameter gets no gradient at step 3, which the
optimizer must skip); the parameters after each step are recorded. One case ("adam_loss")
computes its gradients from the loss sum((W x + b - y)^2) with explicit data instead.
Keyword names in "kwargs" are CourseKit's (beta1/beta2 rather than betas).
"""
import json
import math

import torch

STEPS = 5
SKIP_STEP = 2  # parameter 1 has grad None at this step


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def make_params(seed):
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(3, 4, generator=g)
    b = torch.randn(3, generator=g)
    return [w, b]


def torch_optimizer(cls, params, kwargs):
    kw = dict(kwargs)
    if "beta1" in kw or "beta2" in kw:
        kw["betas"] = (kw.pop("beta1", 0.9), kw.pop("beta2", 0.999))
    return getattr(torch.optim, cls)(params, **kw)


def optimizer_case(name, cls, kwargs, seed):
    init = make_params(seed)
    params = [p.clone().requires_grad_() for p in init]
    opt = torch_optimizer(cls, params, kwargs)
    g = torch.Generator().manual_seed(seed + 1000)
    grads, expected = [], []
    for step in range(STEPS):
        step_grads = []
        for k, p in enumerate(params):
            if k == 1 and step == SKIP_STEP:
                p.grad = None
                step_grads.append(None)
            else:
                gk = torch.randn(p.shape, generator=g)
                p.grad = gk.clone()
                step_grads.append(flat(gk))
        opt.step()
        grads.append(step_grads)
        expected.append([flat(p) for p in params])
    return {"name": name, "class": cls, "kwargs": kwargs, "shapes": [list(p.shape) for p in init],
            "initial": [flat(p) for p in init], "grads": grads, "expected": expected}


def loss_case():
    init = make_params(7)
    params = [p.clone().requires_grad_() for p in init]
    x = torch.linspace(-1, 1, 8).reshape(4, 2)            # (4, 2): columns are inputs
    y = torch.tensor([[0.5, -0.25], [1.0, 0.0], [-1.5, 2.0]])  # (3, 2)
    opt = torch.optim.Adam(params, lr=0.05)
    expected = []
    for _ in range(STEPS):
        opt.zero_grad()
        w, b = params
        loss = ((w @ x + b[:, None] - y) ** 2).sum()
        loss.backward()
        opt.step()
        expected.append([flat(p) for p in params])
    return {"name": "adam_loss", "class": "Adam", "kwargs": {"lr": 0.05}, "shapes": [list(p.shape) for p in init],
            "initial": [flat(p) for p in init], "x": flat(x), "y": flat(y), "expected": expected}


def schedule(name, make, lr=0.1, steps=25):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr)
    sched = make(opt)
    lrs = [sched.get_last_lr()[0]]
    for _ in range(steps):
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
    return {"name": name, "lr": lr, "lrs": lrs}


def schedules():
    S = torch.optim.lr_scheduler
    return [
        schedule("step_3_0.5", lambda o: S.StepLR(o, step_size=3, gamma=0.5)),
        schedule("step_1_default", lambda o: S.StepLR(o, step_size=1)),
        schedule("cosine_10", lambda o: S.CosineAnnealingLR(o, T_max=10)),
        schedule("cosine_7_min", lambda o: S.CosineAnnealingLR(o, T_max=7, eta_min=0.01)),
        schedule("linear_default", lambda o: S.LinearLR(o)),
        schedule("linear_warmup", lambda o: S.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=4)),
        schedule("linear_decay", lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.2, total_iters=6)),
        schedule("warmup_cosine", lambda o: S.SequentialLR(
            o, [S.LinearLR(o, start_factor=0.1, total_iters=5), S.CosineAnnealingLR(o, T_max=15, eta_min=0.001)],
            milestones=[5])),
        schedule("warmup_step_cosine", lambda o: S.SequentialLR(
            o, [S.LinearLR(o, start_factor=0.25, total_iters=3), S.StepLR(o, step_size=2, gamma=0.5),
                S.CosineAnnealingLR(o, T_max=8)], milestones=[4, 10])),
    ]


def clip_case(name, max_norm, norm_type, with_none=False):
    g = torch.Generator().manual_seed(11)
    shapes = [[3, 4], [3], [2, 2, 2]]
    grads = [torch.randn(s, generator=g) * 2 for s in shapes]
    params = [torch.zeros(s, requires_grad=True) for s in shapes]
    for k, (p, gr) in enumerate(zip(params, grads)):
        p.grad = None if with_none and k == 1 else gr.clone()
    total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type)
    return {"name": name, "max_norm": max_norm, "norm_type": "inf" if math.isinf(norm_type) else norm_type,
            "shapes": shapes, "grads": [None if with_none and k == 1 else flat(gr) for k, gr in enumerate(grads)],
            "total": float(total), "clipped": [None if p.grad is None else flat(p.grad) for p in params]}


def main():
    optimizers = [
        optimizer_case("sgd", "SGD", {"lr": 0.1}, 1),
        optimizer_case("sgd_momentum", "SGD", {"lr": 0.1, "momentum": 0.9}, 2),
        optimizer_case("sgd_momentum_dampening_wd", "SGD", {"lr": 0.05, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.01}, 3),
        optimizer_case("sgd_nesterov_wd", "SGD", {"lr": 0.05, "momentum": 0.9, "weight_decay": 0.1, "nesterov": True}, 4),
        optimizer_case("adam", "Adam", {"lr": 0.01}, 5),
        optimizer_case("adam_wd_betas", "Adam", {"lr": 0.02, "beta1": 0.5, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.1}, 6),
        optimizer_case("adam_amsgrad", "Adam", {"lr": 0.01, "amsgrad": True}, 7),
        optimizer_case("adam_amsgrad_wd", "Adam", {"lr": 0.01, "weight_decay": 0.05, "amsgrad": True}, 8),
        optimizer_case("adamw", "AdamW", {"lr": 0.01}, 9),
        optimizer_case("adamw_wd_amsgrad", "AdamW", {"lr": 0.02, "beta1": 0.8, "beta2": 0.95, "weight_decay": 0.3, "amsgrad": True}, 10),
        optimizer_case("rmsprop", "RMSprop", {"lr": 0.01}, 11),
        optimizer_case("rmsprop_momentum_wd", "RMSprop", {"lr": 0.01, "alpha": 0.9, "momentum": 0.7, "weight_decay": 0.05}, 12),
        optimizer_case("rmsprop_centered", "RMSprop", {"lr": 0.005, "centered": True, "eps": 1e-4}, 13),
        optimizer_case("rmsprop_centered_momentum", "RMSprop", {"lr": 0.005, "centered": True, "momentum": 0.5}, 14),
        loss_case(),
    ]
    clips = [
        clip_case("l2_clips", 1.0, 2.0),
        clip_case("l2_no_clip", 100.0, 2.0),
        clip_case("l1_none_grad", 2.0, 1.0, with_none=True),
        clip_case("inf", 0.5, math.inf),
        clip_case("p3", 1.5, 3.0),
    ]
    out = {"torch_version": torch.__version__, "optimizers": optimizers, "schedules": schedules(), "clip": clips}
    with open("optim_references.json", "w") as f:
        json.dump(out, f)
        f.write("\n")


if __name__ == "__main__":
    main()
