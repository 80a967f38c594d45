#!/usr/bin/python3
"""Writes goldens.json: PyTorch reference values for CourseKit's parity tests.

Run from the repository root:  /usr/bin/python3 tests/CourseKit.Tests/Parity/make_goldens.py

Every case stores its inputs (flat row-major data, shape, dtype), the scalar arguments of the
call, the outputs and, for differentiable cases, the gradient of
    L = sum_k sum(output_k * weight_k)
with respect to each input that requires grad (weight_k: fixed random tensors, stored too).
The C# side rebuilds the exact same inputs from the file, so no random generator has to match.
A second section holds a small conv net with BatchNorm, trained one forward/backward step.
"""

import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

SEED = 20240601
HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}

torch.manual_seed(SEED)
torch.set_num_threads(1)
CASES = []


def encode(t):
    """Flat data + shape + dtype; float32 with 9 significant digits (enough to round-trip)."""
    t = t.detach().contiguous()
    dtype = DTYPES[t.dtype]
    flat = t.reshape(-1).tolist()
    if dtype == "float32":
        flat = [float(f"{v:.9g}") for v in flat]
    elif dtype == "bool":
        flat = [int(v) for v in flat]
    return {"shape": list(t.shape), "dtype": dtype, "data": flat}


# ---- inputs ----
def normal(*shape, dtype=torch.float32):
    return torch.randn(*shape, dtype=dtype)


def positive(*shape, dtype=torch.float32):
    """Values in [0.5, 2): safe for log, sqrt, division, pow with a tensor exponent."""
    return torch.rand(*shape, dtype=dtype) * 1.5 + 0.5


def spd(n, dtype=torch.float32):
    """A well-conditioned symmetric positive-definite n x n matrix."""
    a = torch.randn(n, n, dtype=dtype)
    return a @ a.T + n * torch.eye(n, dtype=dtype)


def ints(high, *shape):
    return torch.randint(0, high, shape, dtype=torch.int64)


def case(name, fn, inputs, args=None, grad=True):
    """Records fn(*inputs, **args); floating inputs get a gradient when grad is set
    (grad may also be a list of flags, one per input)."""
    args = args or {}
    flags = grad if isinstance(grad, list) else [grad] * len(inputs)
    leaves = []
    for x, flag in zip(inputs, flags):
        x = x.clone()
        if flag and x.is_floating_point():
            x.requires_grad_(True)
        leaves.append(x)
    out = fn(*leaves, **args)
    outs = list(out) if isinstance(out, (tuple, list)) else [out]
    entry = {
        "name": name,
        "args": args,
        "inputs": [encode(x) for x in leaves],
        "outputs": [encode(o) for o in outs],
    }
    differentiable = [o for o in outs if o.requires_grad]
    if any(flags) and differentiable:
        weights, loss = [], 0
        for o in outs:
            if o.requires_grad:
                w = torch.randn(o.shape, dtype=o.dtype)
                loss = loss + (o * w).sum()
                weights.append(encode(w))
            else:
                weights.append(None)
        needs = [x for x in leaves if x.requires_grad]
        grads = iter(torch.autograd.grad(loss, needs, allow_unused=True))
        entry["weights"] = weights
        entry["grads"] = []
        for x in leaves:
            g = next(grads) if x.requires_grad else None
            if x.requires_grad and g is None:  # the output does not depend on this input
                g = torch.zeros_like(x)
            entry["grads"].append(None if g is None else encode(g))
    CASES.append(entry)


# ---- elementwise arithmetic, broadcasting, scalars ----
case("add_broadcast", lambda a, b: a + b, [normal(2, 3), normal(3)])
case("add_alpha", lambda a, b, alpha: torch.add(a, b, alpha=alpha), [normal(2, 3), normal(2, 3)], {"alpha": -0.75})
case("sub_broadcast", lambda a, b: a - b, [normal(2, 1, 3), normal(4, 1)])
case("mul_broadcast", lambda a, b: a * b, [normal(2, 3, 4), normal(3, 1)])
case("div_broadcast", lambda a, b: a / b, [normal(2, 3), positive(2, 1)])
case("add_scalar", lambda a, s: a + s, [normal(3, 4)], {"s": 2.5})
case("sub_scalar", lambda a, s: a - s, [normal(3, 4)], {"s": 0.25})
case("rsub_scalar", lambda a, s: s - a, [normal(3, 4)], {"s": 3.0})
case("mul_scalar", lambda a, s: a * s, [normal(3, 4)], {"s": -1.5})
case("div_scalar", lambda a, s: a / s, [normal(3, 4)], {"s": 4.0})
case("rdiv_scalar", lambda a, s: s / a, [positive(3, 4)], {"s": 2.0})
case("neg", lambda a: -a, [normal(2, 5)])
case("pow_scalar", lambda a, p: a.pow(p), [normal(2, 5)], {"p": 3.0})
case("pow_fractional", lambda a, p: a.pow(p), [positive(2, 5)], {"p": 1.7})
case("pow_tensor", lambda a, b: a.pow(b), [positive(2, 4), normal(2, 4)])
case("square", lambda a: a.square(), [normal(2, 5)])
case("exp", torch.exp, [normal(2, 5)])
case("expm1", torch.expm1, [normal(2, 5)])
case("log", torch.log, [positive(2, 5)])
case("log1p", torch.log1p, [positive(2, 5)])
case("sqrt", torch.sqrt, [positive(2, 5)])
case("rsqrt", torch.rsqrt, [positive(2, 5)])
case("abs", torch.abs, [normal(2, 5)])
case("sigmoid", torch.sigmoid, [normal(2, 5)])
case("tanh", torch.tanh, [normal(2, 5)])
case("relu", torch.relu, [normal(3, 5)])
case("sin_cos", lambda a: (a.sin(), a.cos()), [normal(2, 5)])
case("reciprocal", torch.reciprocal, [positive(2, 5)])
case("clamp", lambda a, lo, hi: a.clamp(lo, hi), [normal(3, 5)], {"lo": -0.5, "hi": 0.7})
case("clamp_min", lambda a, lo: a.clamp(min=lo), [normal(3, 5)], {"lo": 0.1})
case("maximum_minimum", lambda a, b: (torch.maximum(a, b), torch.minimum(a, b)), [normal(2, 4), normal(2, 4)])
case("lerp", lambda a, b, w: torch.lerp(a, b, w), [normal(2, 4), normal(2, 4)], {"w": 0.3})
case("where", lambda c, a, b: torch.where(c, a, b), [normal(3, 4) > 0, normal(3, 4), normal(1, 4)])
case("masked_fill", lambda a, m, v: a.masked_fill(m, v), [normal(3, 4), normal(3, 4) > 0.5], {"v": -2.0})
case("comparisons", lambda a, b: (a.gt(b), a.le(b), a.eq(a), a.ne(b)), [normal(2, 4), normal(2, 4)], grad=False)

# ---- softmax family ----
case("softmax", lambda a, dim: a.softmax(dim), [normal(3, 5)], {"dim": 1})
case("softmax_dim0", lambda a, dim: a.softmax(dim), [normal(4, 3, 2)], {"dim": 0})
case("log_softmax", lambda a, dim: a.log_softmax(dim), [normal(3, 5)], {"dim": -1})
case("logsumexp", lambda a, dim, keepdim: a.logsumexp(dim, keepdim), [normal(3, 5)], {"dim": 1, "keepdim": True})

# ---- linear algebra ----
case("matmul_broadcast", torch.matmul, [normal(2, 3, 4), normal(4, 5)])
case("matmul_vector", torch.matmul, [normal(3, 4), normal(4)])
case("mm", torch.mm, [normal(3, 4), normal(4, 2)])
case("bmm", torch.bmm, [normal(2, 3, 4), normal(2, 4, 2)])
case("einsum_batch", lambda a, b, eq: torch.einsum(eq, a, b), [normal(2, 3, 4), normal(2, 4, 5)], {"eq": "bij,bjk->bik"})
case("einsum_outer_trace", lambda a, b, eq: torch.einsum(eq, a, b), [normal(3, 3), normal(3, 4)], {"eq": "ii,jk->jk"})


def eigh_invariants(a):
    """Eigenvalues and the reconstruction V diag(L) V^T: both independent of eigenvector signs."""
    lam, v = torch.linalg.eigh(a)
    return lam, (v * lam.unsqueeze(-2)) @ v.transpose(-2, -1)


def svd_invariants(a):
    """Singular values, the reconstruction U diag(S) Vh and |U^T A Vh^T| = diag(S): sign-free."""
    u, s, vh = torch.linalg.svd(a, full_matrices=False)
    return s, (u * s.unsqueeze(-2)) @ vh, (u.transpose(-2, -1) @ a @ vh.transpose(-2, -1)).abs()


def sym(a):
    return 0.5 * (a + a.transpose(-2, -1))


case("linalg_eigh", lambda a: eigh_invariants(sym(a)), [spd(4)])
case("linalg_cholesky", lambda a: torch.linalg.cholesky(sym(a)), [spd(4)])
case("linalg_svd", svd_invariants, [normal(4, 3)])
case("linalg_inv_det", lambda a: (torch.linalg.inv(a), torch.linalg.det(a)), [spd(3)])

# ---- reductions ----
case("sum_all", lambda a: a.sum(), [normal(3, 4)])
case("sum_dims_keepdim", lambda a, dims, keepdim: a.sum(dims, keepdim), [normal(2, 3, 4)], {"dims": [0, 2], "keepdim": True})
case("sum_dim", lambda a, dim: a.sum(dim), [normal(2, 3, 4)], {"dim": -1})
case("mean_all", lambda a: a.mean(), [normal(3, 4)])
case("mean_dim_keepdim", lambda a, dim, keepdim: a.mean(dim, keepdim), [normal(2, 3, 4)], {"dim": 1, "keepdim": True})
case("var_all", lambda a: a.var(), [normal(3, 4)])
case("var_dim_biased", lambda a, dim, unbiased, keepdim: a.var(dim, unbiased=unbiased, keepdim=keepdim),
     [normal(3, 5)], {"dim": 1, "unbiased": False, "keepdim": True})
case("std_dim", lambda a, dim: a.std(dim), [normal(4, 3)], {"dim": 0})
case("std_all", lambda a: a.std(), [normal(3, 4)])
case("prod", lambda a: a.prod(), [positive(2, 3)])
case("norm", lambda a: a.norm(), [normal(3, 4)])
case("max_all", lambda a: a.max(), [normal(3, 4)])
case("min_all", lambda a: a.min(), [normal(3, 4)])
case("max_dim", lambda a, dim, keepdim: tuple(a.max(dim, keepdim)), [normal(3, 5)], {"dim": 1, "keepdim": False})
case("min_dim_keepdim", lambda a, dim, keepdim: tuple(a.min(dim, keepdim)), [normal(3, 5)], {"dim": 0, "keepdim": True})
case("argmax_dim", lambda a, dim: a.argmax(dim), [normal(3, 5)], {"dim": 1}, grad=False)
case("argmax_all", lambda a: a.argmax(), [normal(3, 5)], grad=False)
case("argmin_dim", lambda a, dim: a.argmin(dim), [normal(3, 5)], {"dim": 0}, grad=False)
case("cumsum", lambda a, dim: a.cumsum(dim), [normal(3, 5)], {"dim": 1})
case("cumprod", lambda a, dim: a.cumprod(dim), [normal(3, 5)], {"dim": 1})
case("sort_descending", lambda a, dim, descending: tuple(a.sort(dim, descending)), [normal(3, 6)], {"dim": -1, "descending": True})
case("sort_dim0", lambda a, dim, descending: tuple(a.sort(dim, descending)), [normal(4, 3)], {"dim": 0, "descending": False})
case("topk", lambda a, k, dim: tuple(a.topk(k, dim)), [normal(3, 6)], {"k": 3, "dim": 1})
case("topk_smallest", lambda a, k, dim: tuple(a.topk(k, dim, largest=False)), [normal(5, 3)], {"k": 2, "dim": 0})

# ---- gathering and indexing ----
case("gather", lambda a, i, dim: a.gather(dim, i), [normal(3, 5), ints(5, 3, 4)], {"dim": 1})
case("index_select", lambda a, i, dim: a.index_select(dim, i), [normal(4, 3), torch.tensor([3, 0, 3])], {"dim": 0})
case("masked_select", lambda a, m: a.masked_select(m), [normal(3, 4), normal(3, 4) > 0])
case("index_slices", lambda a: a[1:, ::2, -1], [normal(3, 5, 4)])
case("index_none_ellipsis", lambda a: a[None, ..., 2], [normal(2, 3, 4)])
case("index_tensor", lambda a, i: a[i], [normal(5, 3), torch.tensor([4, 0, 2, 0])])
case("index_mask", lambda a, m: a[m], [normal(4, 3), torch.tensor([True, False, True, True])])
case("narrow_select", lambda a: (a.narrow(1, 1, 2), a.select(0, 2)), [normal(3, 4)])
case("flip", lambda a, dims: a.flip(dims), [normal(2, 3, 4)], {"dims": [0, 2]})

# ---- joining and splitting ----
case("cat", lambda a, b, dim: torch.cat([a, b], dim), [normal(2, 3), normal(2, 2)], {"dim": 1})
case("stack", lambda a, b, dim: torch.stack([a, b], dim), [normal(2, 3), normal(2, 3)], {"dim": 1})
case("chunk", lambda a, chunks, dim: a.chunk(chunks, dim), [normal(5, 2)], {"chunks": 3, "dim": 0})
case("split_size", lambda a, size, dim: a.split(size, dim), [normal(2, 7)], {"size": 3, "dim": 1})
case("split_sizes", lambda a, sizes, dim: a.split(sizes, dim), [normal(6, 2)], {"sizes": [1, 2, 3], "dim": 0})

# ---- shapes ----
case("reshape", lambda a, shape: a.reshape(shape), [normal(2, 6)], {"shape": [3, -1, 2]})
case("view", lambda a, shape: a.view(shape), [normal(2, 6)], {"shape": [4, 3]})
case("permute", lambda a, dims: a.permute(dims), [normal(2, 3, 4)], {"dims": [2, 0, 1]})
case("transpose", lambda a, d0, d1: a.transpose(d0, d1), [normal(2, 3, 4)], {"d0": 0, "d1": 2})
case("t", lambda a: a.t(), [normal(2, 3)])
case("flatten", lambda a, start, end: a.flatten(start, end), [normal(2, 3, 4, 2)], {"start": 1, "end": 2})
case("unflatten", lambda a, dim, sizes: a.unflatten(dim, sizes), [normal(2, 6)], {"dim": 1, "sizes": [2, 3]})
case("unsqueeze", lambda a, dim: a.unsqueeze(dim), [normal(2, 3)], {"dim": 1})
case("squeeze_all", lambda a: a.squeeze(), [normal(1, 3, 1, 2)])
case("squeeze_dim", lambda a, dim: a.squeeze(dim), [normal(1, 3, 1, 2)], {"dim": 2})
case("expand", lambda a, sizes: a.expand(sizes), [normal(3, 1)], {"sizes": [2, 3, 4]})
case("repeat", lambda a, reps: a.repeat(reps), [normal(2, 3)], {"reps": [2, 1, 2]})

# ---- other dtypes ----
case("matmul_f64", torch.matmul, [normal(3, 4, dtype=torch.float64), normal(4, 2, dtype=torch.float64)])
case("softmax_f64", lambda a, dim: a.softmax(dim), [normal(3, 4, dtype=torch.float64)], {"dim": 1})
case("var_f64", lambda a, dim: a.var(dim), [normal(3, 4, dtype=torch.float64)], {"dim": 1})
case("cholesky_f64", lambda a: torch.linalg.cholesky(sym(a)), [spd(3, dtype=torch.float64)])
case("add_int64", lambda a, b, s: a + b * s, [ints(10, 2, 3), ints(10, 3)], {"s": 3})
case("sum_int64", lambda a, dim: (a.sum(), a.sum(dim)), [ints(100, 3, 4)], {"dim": 0})
case("cumsum_int64", lambda a, dim: a.cumsum(dim), [ints(10, 2, 5)], {"dim": 1})

# ---- edge cases: empty tensors, size-1 dimensions, extreme values ----
case("sum_empty", lambda a, dim: a.sum(dim), [torch.zeros(0, 3)], {"dim": 0})
case("cat_empty", lambda a, b, dim: torch.cat([a, b], dim), [torch.zeros(0, 3), normal(2, 3)], {"dim": 0})
case("softmax_size1", lambda a, dim: a.softmax(dim), [normal(3, 1)], {"dim": 1})
case("logsumexp_large", lambda a, dim, keepdim: a.logsumexp(dim, keepdim),
     [torch.tensor([[1000.0, 1001.0, 999.0], [-1000.0, -1002.0, -1001.0]])], {"dim": 1, "keepdim": False})
case("log_softmax_large", lambda a, dim: a.log_softmax(dim), [torch.tensor([[1000.0, 0.0, -1000.0]])], {"dim": 1})
case("sigmoid_extremes", torch.sigmoid, [torch.tensor([-100.0, -20.0, 0.0, 20.0, 100.0])])

# ---- factories (no inputs) ----
case("arange_int64", lambda start, end, step: torch.arange(start, end, step), [], {"start": 2, "end": 11, "step": 3})
case("arange_float", lambda start, end, step: torch.arange(start, end, step), [], {"start": 0.5, "end": 2.0, "step": 0.25})
case("linspace", lambda start, end, steps: torch.linspace(start, end, steps), [], {"start": -1.0, "end": 1.0, "steps": 7})
case("eye_zeros_ones", lambda n: (torch.eye(n), torch.zeros(n, 2), torch.ones(2, n, dtype=torch.int64)), [], {"n": 3})

# ---- nn.functional ----
case("F.linear", F.linear, [normal(4, 5), normal(3, 5), normal(3)])
case("F.conv2d", lambda x, w, b, stride, padding: F.conv2d(x, w, b, stride, padding),
     [normal(2, 3, 6, 6), normal(4, 3, 3, 3), normal(4)], {"stride": 2, "padding": 1})
case("F.conv2d_nobias", lambda x, w, stride, padding: F.conv2d(x, w, None, stride, padding),
     [normal(1, 2, 5, 5), normal(3, 2, 3, 3)], {"stride": 1, "padding": 0})
case("F.conv_transpose2d", lambda x, w, b, stride, padding: F.conv_transpose2d(x, w, b, stride, padding),
     [normal(2, 3, 3, 3), normal(3, 2, 4, 4), normal(2)], {"stride": 2, "padding": 1})


def batch_norm_train(x, w, b, momentum, eps):
    """Output and the running statistics after one update from (0, 1)."""
    mean, var = torch.zeros(x.shape[1]), torch.ones(x.shape[1])
    return F.batch_norm(x, mean, var, w, b, True, momentum, eps), mean, var


case("F.batch_norm_train", batch_norm_train,
     [normal(4, 3, 2, 2), positive(3), normal(3)], {"momentum": 0.1, "eps": 1e-5})
case("F.batch_norm_eval", lambda x, m, v, w, b, eps: F.batch_norm(x, m, v, w, b, False, 0.1, eps),
     [normal(4, 3, 2, 2), normal(3), positive(3), positive(3), normal(3)], {"eps": 1e-5},
     grad=[True, False, False, True, True])
case("F.layer_norm", lambda x, w, b, shape, eps: F.layer_norm(x, shape, w, b, eps),
     [normal(3, 2, 4), positive(2, 4), normal(2, 4)], {"shape": [2, 4], "eps": 1e-5})
case("F.group_norm", lambda x, w, b, groups, eps: F.group_norm(x, groups, w, b, eps),
     [normal(2, 6, 3, 3), positive(6), normal(6)], {"groups": 3, "eps": 1e-5})
case("F.interpolate_nearest", lambda x, scale: F.interpolate(x, scale_factor=scale, mode="nearest"),
     [normal(1, 2, 3, 3)], {"scale": 2.0})
case("F.interpolate_bilinear", lambda x, size: F.interpolate(x, size=size, mode="bilinear", align_corners=False),
     [normal(1, 2, 3, 4)], {"size": [5, 6]})
case("F.pad_constant", lambda x, pad, value: F.pad(x, pad, "constant", value), [normal(1, 2, 3, 3)],
     {"pad": [1, 2, 0, 1], "value": 0.5})
case("F.pad_reflect", lambda x, pad: F.pad(x, pad, "reflect"), [normal(1, 2, 3, 4)], {"pad": [2, 1, 1, 1]})
case("F.avg_pool2d", lambda x, k: F.avg_pool2d(x, k), [normal(2, 2, 4, 4)], {"k": 2})
case("F.max_pool2d", lambda x, k: F.max_pool2d(x, k), [normal(2, 2, 4, 4)], {"k": 2})
case("F.leaky_relu", lambda x, slope: F.leaky_relu(x, slope), [normal(3, 5)], {"slope": 0.2})
case("F.gelu", F.gelu, [normal(3, 5)])
case("F.silu", F.silu, [normal(3, 5)])
case("F.softplus", F.softplus, [normal(3, 5)])
case("F.elu", F.elu, [normal(3, 5)])
case("F.one_hot", lambda i, n: F.one_hot(i, n), [torch.tensor([0, 3, 1, 3, 2])], {"n": 5}, grad=False)
case("F.embedding", F.embedding, [torch.tensor([[0, 2], [3, 2]]), normal(4, 3)])
case("F.mse_loss", F.mse_loss, [normal(3, 4), normal(3, 4)])
case("F.l1_loss", F.l1_loss, [normal(3, 4), normal(3, 4)])
case("F.cross_entropy", F.cross_entropy, [normal(5, 4), ints(4, 5)])
case("F.cross_entropy_sum", lambda x, y: F.cross_entropy(x, y, reduction="sum"), [normal(5, 4), ints(4, 5)])
case("F.nll_loss", F.nll_loss, [normal(5, 4).log_softmax(1), ints(4, 5)])
case("F.binary_cross_entropy", F.binary_cross_entropy, [torch.rand(3, 4) * 0.9 + 0.05, torch.rand(3, 4)])
case("F.binary_cross_entropy_with_logits", F.binary_cross_entropy_with_logits, [normal(3, 4), torch.rand(3, 4)])
case("F.kl_div", lambda x, y: F.kl_div(x, y, reduction="batchmean"),
     [normal(3, 4).log_softmax(1), normal(3, 4).softmax(1)])


# ---- conv net with BatchNorm: one training-mode forward and backward ----
class ConvNet(nn.Sequential):
    def __init__(self):
        super().__init__(
            nn.Conv2d(1, 8, 3, padding=1),     # (B, 8, 8, 8)
            nn.BatchNorm2d(8),
            nn.ReLU(),
            nn.Conv2d(8, 16, 3, stride=2, padding=1),  # (B, 16, 4, 4)
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.Flatten(),                      # (B, 256)
            nn.Linear(16 * 4 * 4, 10),         # (B, 10)
        )


def convnet():
    torch.manual_seed(SEED + 1)
    net = ConvNet()
    with torch.no_grad():  # non-trivial affine BatchNorm parameters, so their gradients matter
        for m in net:
            if isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.normal_(0, 0.1)
    initial = {k: encode(v) for k, v in net.state_dict().items()}
    x = torch.randn(8, 1, 8, 8)
    y = torch.randint(0, 10, (8,))
    net.train()
    logits = net(x)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    return {
        "initial_state": initial,
        "input": encode(x),
        "targets": encode(y),
        "logits": encode(logits),
        "loss": encode(loss),
        "grads": {k: encode(p.grad) for k, p in net.named_parameters()},
        "state_after": {k: encode(v) for k, v in net.state_dict().items()},
    }


def main():
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    golden = {
        "torch_version": torch.__version__,
        "seed": SEED,
        "cases": CASES,
        "convnet": convnet(),
    }
    path = os.path.join(HERE, "goldens.json")
    with open(path, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(CASES)} cases, {os.path.getsize(path) / 1024:.0f} KiB -> {path}")


if __name__ == "__main__":
    main()
