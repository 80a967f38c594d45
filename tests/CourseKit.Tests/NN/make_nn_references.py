"""Writes nn_references.json: PyTorch 1.13 outputs and gradients for CourseKit's nn tests.

Every case stores its inputs and weights explicitly, so the C# side needs no matching random
number generator: it loads the weights with load_state_dict, runs the same computation and
compares. Only the "init" cases rely on the generator on purpose (same seed, same draws).

Run from the repository root:  /usr/bin/python3 tests/CourseKit.Tests/NN/make_nn_references.py
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1234)
torch.set_num_threads(1)


def enc(t):
    t = t.detach().contiguous()
    dtype = {torch.float32: "float32", torch.int64: "int64"}[t.dtype]
    data = t.reshape(-1).tolist()
    return {"shape": list(t.shape), "dtype": dtype, "data": data}


def randomize(module):
    """Random weights (and positive running variances) so every parameter matters."""
    with torch.no_grad():
        for name, p in module.named_parameters():
            p.copy_(torch.randn_like(p) * 0.5)
        for name, b in module.named_buffers():
            if name.endswith("running_mean"):
                b.copy_(torch.randn_like(b) * 0.3)
            elif name.endswith("running_var"):
                b.copy_(torch.rand_like(b) + 0.5)
            elif name.endswith("num_batches_tracked"):
                b.fill_(3)


def module_case(module, x, training=True, randomize_weights=True):
    if randomize_weights:
        randomize(module)
    module.train(training)
    state = {k: enc(v) for k, v in module.state_dict().items()}
    x = x.clone()
    if x.is_floating_point():
        x.requires_grad_(True)
    y = module(x)
    g = torch.randn_like(y)
    y.backward(g)
    return {
        "training": training,
        "state": state,
        "input": enc(x),
        "grad_output": enc(g),
        "output": enc(y),
        "grad_input": enc(x.grad) if x.is_floating_point() else None,
        "grads": {n: enc(p.grad) for n, p in module.named_parameters()},
        "state_after": {k: enc(v) for k, v in module.state_dict().items()},
    }


def modules():
    r = torch.randn
    return {
        "linear": module_case(nn.Linear(4, 3), r(2, 4)),
        "linear_nobias_3d": module_case(nn.Linear(4, 3, bias=False), r(2, 5, 4)),
        "conv2d": module_case(nn.Conv2d(3, 4, 3, padding=1), r(2, 3, 5, 5)),
        "conv2d_strided_grouped": module_case(
            nn.Conv2d(4, 6, 3, stride=2, padding=2, dilation=2, groups=2, bias=False), r(2, 4, 7, 7)),
        "conv2d_rect": module_case(nn.Conv2d(2, 3, (1, 3), stride=(1, 2), padding=(0, 1)), r(1, 2, 4, 6)),
        "conv2d_unbatched": module_case(nn.Conv2d(2, 3, 3), r(2, 5, 5)),
        "conv_transpose2d": module_case(nn.ConvTranspose2d(4, 2, 4, stride=2, padding=1), r(2, 4, 3, 3)),
        "conv_transpose2d_grouped": module_case(
            nn.ConvTranspose2d(4, 6, 3, stride=2, padding=1, output_padding=1, groups=2, bias=False, dilation=2),
            r(1, 4, 3, 3)),
        "batchnorm1d_train": module_case(nn.BatchNorm1d(3), r(4, 3) * 2 + 1),
        "batchnorm1d_3d_train": module_case(nn.BatchNorm1d(3), r(2, 3, 5)),
        "batchnorm2d_train": module_case(nn.BatchNorm2d(3), r(2, 3, 4, 4) * 1.5 - 0.5),
        "batchnorm2d_eval": module_case(nn.BatchNorm2d(3), r(2, 3, 4, 4), training=False),
        "batchnorm2d_cumulative": module_case(nn.BatchNorm2d(3, momentum=None), r(2, 3, 2, 2)),
        "batchnorm2d_plain": module_case(nn.BatchNorm2d(3, affine=False, track_running_stats=False), r(2, 3, 2, 2),
                                         training=False),
        "groupnorm": module_case(nn.GroupNorm(2, 4), r(2, 4, 3, 3)),
        "layernorm": module_case(nn.LayerNorm(5), r(2, 3, 5)),
        "layernorm_2d": module_case(nn.LayerNorm([3, 5]), r(2, 3, 5)),
        "embedding": module_case(nn.Embedding(10, 4), torch.tensor([[1, 2, 2], [9, 0, 5]])),
        "embedding_padding": module_case(nn.Embedding(6, 3, padding_idx=0), torch.tensor([0, 3, 0, 5])),
        "relu": module_case(nn.ReLU(), r(3, 4)),
        "leaky_relu": module_case(nn.LeakyReLU(0.2), r(3, 4)),
        "gelu": module_case(nn.GELU(), r(3, 4) * 2),
        "gelu_tanh": module_case(nn.GELU(approximate="tanh"), r(3, 4) * 2),
        "silu": module_case(nn.SiLU(), r(3, 4) * 2),
        "tanh": module_case(nn.Tanh(), r(3, 4)),
        "sigmoid": module_case(nn.Sigmoid(), r(3, 4)),
        "flatten": module_case(nn.Flatten(), r(2, 3, 2, 2)),
        "flatten_0_1": module_case(nn.Flatten(0, 1), r(2, 3, 2)),
        "unflatten": module_case(nn.Unflatten(1, (2, 3)), r(2, 6, 4)),
        "upsample_nearest": module_case(nn.Upsample(scale_factor=2, mode="nearest"), r(1, 2, 3, 3)),
        "upsample_bilinear": module_case(nn.Upsample(scale_factor=2, mode="bilinear"), r(1, 2, 3, 3)),
        "upsample_bilinear_aligned": module_case(
            nn.Upsample(size=(5, 7), mode="bilinear", align_corners=True), r(1, 2, 3, 4)),
        "identity": module_case(nn.Identity(), r(2, 3)),
        "dropout_eval": module_case(nn.Dropout(0.5), r(4, 5), training=False),
        "sequential": module_case(
            nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(),
                          nn.Linear(4 * 4 * 4, 3)),
            r(2, 1, 4, 4)),
    }


def functional_case(fn, inputs, grad_names):
    """inputs: name -> tensor; the float tensors in grad_names get gradients of sum(out * g)."""
    inputs = {k: v.clone() for k, v in inputs.items()}
    for n in grad_names:
        inputs[n].requires_grad_(True)
    y = fn(**inputs)
    g = torch.randn_like(y) if y.is_floating_point() else None
    if g is not None:
        y.backward(g)
    return {
        "inputs": {k: enc(v) for k, v in inputs.items()},
        "grad_output": enc(g) if g is not None else None,
        "output": enc(y),
        "grads": {n: enc(inputs[n].grad) for n in grad_names},
    }


def functional():
    r = torch.randn
    cases = {}
    x = r(3, 4) * 3
    cases["softplus"] = functional_case(lambda x: F.softplus(x, beta=2, threshold=5), {"x": x}, ["x"])
    cases["elu"] = functional_case(lambda x: F.elu(x, alpha=0.5), {"x": x}, ["x"])
    cases["softmax"] = functional_case(lambda x: F.softmax(x, dim=1), {"x": x}, ["x"])
    cases["log_softmax"] = functional_case(lambda x: F.log_softmax(x, dim=-1), {"x": x}, ["x"])
    cases["one_hot"] = functional_case(lambda t: F.one_hot(t, 5), {"t": torch.tensor([[0, 3], [4, 1]])}, [])
    cases["linear"] = functional_case(lambda x, w, b: F.linear(x, w, b), {"x": r(2, 4), "w": r(3, 4), "b": r(3)},
                                      ["x", "w", "b"])
    mask = torch.ones(4, 2, 3, 3)
    mask[:, :, 1, 2:] = 0
    mask[:, :, 2:] = 0
    cases["masked_conv2d"] = functional_case(
        lambda x, w, mask, b: F.conv2d(x, w * mask, b, padding=1),
        {"x": r(2, 2, 5, 5), "w": r(4, 2, 3, 3), "mask": mask, "b": r(4)}, ["x", "w", "b"])
    cases["conv_transpose2d"] = functional_case(
        lambda x, w: F.conv_transpose2d(x, w, stride=2, padding=1, output_padding=1),
        {"x": r(1, 3, 3, 3), "w": r(3, 2, 3, 3)}, ["x", "w"])
    cases["interpolate_nearest_size"] = functional_case(
        lambda x: F.interpolate(x, size=(5, 7), mode="nearest"), {"x": r(1, 2, 3, 4)}, ["x"])
    cases["interpolate_bilinear_scale"] = functional_case(
        lambda x: F.interpolate(x, scale_factor=1.5, mode="bilinear"), {"x": r(1, 2, 4, 4)}, ["x"])
    cases["interpolate_bilinear_aligned"] = functional_case(
        lambda x: F.interpolate(x, size=(6, 5), mode="bilinear", align_corners=True), {"x": r(2, 1, 3, 4)}, ["x"])
    cases["pad_constant"] = functional_case(lambda x: F.pad(x, (1, 2, 0, 1), value=1.5), {"x": r(1, 2, 3, 3)}, ["x"])
    cases["pad_reflect"] = functional_case(lambda x: F.pad(x, (2, 1, 1, 2), mode="reflect"), {"x": r(1, 2, 3, 4)}, ["x"])
    cases["pad_replicate"] = functional_case(lambda x: F.pad(x, (1, 1, 2, 0), mode="replicate"), {"x": r(1, 2, 3, 3)},
                                             ["x"])
    cases["max_pool2d"] = functional_case(lambda x: F.max_pool2d(x, 2), {"x": r(2, 3, 4, 4)}, ["x"])
    cases["max_pool2d_padded"] = functional_case(lambda x: F.max_pool2d(x, 3, stride=2, padding=1),
                                                 {"x": r(1, 2, 5, 5)}, ["x"])
    cases["avg_pool2d"] = functional_case(lambda x: F.avg_pool2d(x, 2), {"x": r(2, 3, 4, 4)}, ["x"])
    cases["avg_pool2d_padded"] = functional_case(lambda x: F.avg_pool2d(x, 3, stride=2, padding=1),
                                                 {"x": r(1, 2, 5, 5)}, ["x"])
    cases["batch_norm_train"] = functional_case(
        lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True),
        {"x": r(4, 3, 2), "w": r(3), "b": r(3)}, ["x", "w", "b"])
    cases["group_norm"] = functional_case(lambda x: F.group_norm(x, 3), {"x": r(2, 6, 2, 2)}, ["x"])
    cases["layer_norm"] = functional_case(lambda x, w, b: F.layer_norm(x, (4,), w, b, eps=1e-3),
                                          {"x": r(3, 4), "w": r(4), "b": r(4)}, ["x", "w", "b"])
    cases["embedding"] = functional_case(lambda i, w: F.embedding(i, w), {"i": torch.tensor([[2, 0], [1, 2]]),
                                                                         "w": r(3, 4)}, ["w"])

    p = torch.rand(3, 4) * 0.9 + 0.05
    y01 = (torch.rand(3, 4) > 0.5).float()
    logits = r(4, 5)
    labels = torch.tensor([1, 0, 4, 4])
    for red in ["mean", "sum", "none"]:
        cases[f"bce_{red}"] = functional_case(
            lambda p, y: F.binary_cross_entropy(p, y, reduction=red), {"p": p, "y": y01}, ["p"])
        cases[f"bce_logits_{red}"] = functional_case(
            lambda x, y: F.binary_cross_entropy_with_logits(x, y, reduction=red), {"x": r(3, 4) * 3, "y": y01}, ["x"])
        cases[f"cross_entropy_{red}"] = functional_case(
            lambda x, t: F.cross_entropy(x, t, reduction=red), {"x": logits, "t": labels}, ["x"])
        cases[f"nll_{red}"] = functional_case(
            lambda x, t: F.nll_loss(x, t, reduction=red), {"x": F.log_softmax(logits, 1), "t": labels}, ["x"])
        cases[f"mse_{red}"] = functional_case(
            lambda x, y: F.mse_loss(x, y, reduction=red), {"x": r(3, 4), "y": r(3, 4)}, ["x"])
        cases[f"l1_{red}"] = functional_case(
            lambda x, y: F.l1_loss(x, y, reduction=red), {"x": r(3, 4), "y": r(3, 4)}, ["x"])
    cases["bce_weighted"] = functional_case(
        lambda p, y, w: F.binary_cross_entropy(p, y, weight=w), {"p": p, "y": y01, "w": torch.rand(3, 4)}, ["p"])
    cases["bce_logits_pos_weight"] = functional_case(
        lambda x, y, pw: F.binary_cross_entropy_with_logits(x, y, pos_weight=pw),
        {"x": r(3, 4), "y": y01, "pw": torch.tensor([1.0, 2.0, 0.5, 3.0])}, ["x"])
    cases["cross_entropy_weighted_ignore"] = functional_case(
        lambda x, t, w: F.cross_entropy(x, t, weight=w, ignore_index=4),
        {"x": logits, "t": labels, "w": torch.rand(5) + 0.5}, ["x"])
    cases["cross_entropy_spatial"] = functional_case(
        lambda x, t: F.cross_entropy(x, t), {"x": r(2, 3, 2, 2), "t": torch.tensor([[[0, 2], [1, 1]], [[2, 2], [0, 1]]])},
        ["x"])
    cases["cross_entropy_label_smoothing"] = functional_case(
        lambda x, t: F.cross_entropy(x, t, label_smoothing=0.1), {"x": logits, "t": labels}, ["x"])
    q = F.log_softmax(r(3, 4), 1)
    t = F.softmax(r(3, 4), 1)
    cases["kl_div_batchmean"] = functional_case(lambda q, t: F.kl_div(q, t, reduction="batchmean"), {"q": q, "t": t},
                                                ["q"])
    cases["kl_div_log_target_sum"] = functional_case(
        lambda q, t: F.kl_div(q, t, reduction="sum", log_target=True), {"q": q, "t": t.log()}, ["q"])
    return cases


def init_cases():
    """Same seed, same draws: the default initialisations and nn.init functions match PyTorch's numbers."""
    cases = {}

    def layer(name, make):
        torch.manual_seed(7)
        cases[name] = {k: enc(v) for k, v in make().state_dict().items()}

    layer("Linear", lambda: nn.Linear(5, 3))
    layer("Conv2d", lambda: nn.Conv2d(3, 4, 3))
    layer("ConvTranspose2d", lambda: nn.ConvTranspose2d(4, 2, 4, groups=2))
    layer("Embedding", lambda: nn.Embedding(6, 3, padding_idx=2))

    def fn(name, apply):
        torch.manual_seed(11)
        t = torch.empty(4, 3, 2, 2)
        apply(t)
        cases[name] = {"tensor": enc(t)}

    fn("xavier_uniform_", lambda t: nn.init.xavier_uniform_(t, gain=2.0))
    fn("xavier_normal_", lambda t: nn.init.xavier_normal_(t))
    fn("kaiming_uniform_", lambda t: nn.init.kaiming_uniform_(t, a=0.1, mode="fan_out"))
    fn("kaiming_normal_", lambda t: nn.init.kaiming_normal_(t, mode="fan_out", nonlinearity="relu"))
    fn("normal_", lambda t: nn.init.normal_(t, 1.0, 0.5))
    fn("uniform_", lambda t: nn.init.uniform_(t, -2.0, 3.0))
    return cases


def gains():
    return {
        "linear": nn.init.calculate_gain("linear"),
        "tanh": nn.init.calculate_gain("tanh"),
        "relu": nn.init.calculate_gain("relu"),
        "leaky_relu": nn.init.calculate_gain("leaky_relu"),
        "leaky_relu_0.2": nn.init.calculate_gain("leaky_relu", 0.2),
        "selu": nn.init.calculate_gain("selu"),
    }


def reprs():
    net = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.LeakyReLU(0.2), nn.Dropout(0.25),
        nn.ConvTranspose2d(8, 4, 4, stride=2, padding=1, bias=False), nn.GroupNorm(2, 4), nn.SiLU(),
        nn.Upsample(scale_factor=2, mode="bilinear"), nn.Flatten(), nn.Unflatten(1, (4, 256)), nn.LayerNorm(256),
        nn.GELU(), nn.Linear(256, 10, bias=False), nn.BatchNorm1d(4, momentum=None), nn.Tanh(), nn.Sigmoid(),
        nn.Identity(), nn.Sequential(nn.Embedding(10, 3, padding_idx=0), nn.ReLU()))
    blocks = nn.ModuleList([nn.Conv2d(2, 3, (1, 3), stride=(1, 2), padding=(0, 1), dilation=2), nn.Linear(2, 2)])
    return {"network": str(net), "state_dict_keys": list(net.state_dict().keys()),
            "module_list": str(blocks), "module_list_keys": list(blocks.state_dict().keys())}


def main():
    data = {
        "torch_version": torch.__version__,
        "modules": modules(),
        "functional": functional(),
        "init": init_cases(),
        "gains": gains(),
        "repr": reprs(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nn_references.json")
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
