"""An independent safetensors reader and writer, written from the format description
(https://github.com/huggingface/safetensors#format) with struct + json + torch.frombuffer,
to check that CourseKit's files agree with the format, in both directions.

    read_safetensors.py check FILE EXPECTED_JSON   # exit 0 iff FILE holds exactly the expected tensors
    read_safetensors.py write FILE                 # writes the tensors of expected_from_formula()

EXPECTED_JSON: {"metadata": {str: str}, "tensors": {name: {"dtype": "F32", "shape": [..], "values": [..]}}}
with values flattened row-major (0/1 for BOOL).
"""
import json
import struct
import sys

import torch

DTYPES = {
    "F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
    "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8,
    "U8": torch.uint8, "BOOL": torch.bool,
}
NAMES = {v: k for k, v in DTYPES.items()}


def read(path):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    data = blob[8 + n:]
    metadata = header.pop("__metadata__", {})
    tensors, end = {}, 0
    for name, entry in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"]):
        begin, stop = entry["data_offsets"]
        assert begin == end, f"{name}: data starts at {begin}, expected {end}"
        dtype = DTYPES[entry["dtype"]]
        shape = entry["shape"]
        if stop == begin:
            t = torch.empty(shape, dtype=dtype)
        else:
            t = torch.frombuffer(bytearray(data[begin:stop]), dtype=dtype).reshape(shape)
        tensors[name] = t
        end = stop
    assert end == len(data), f"data holds {len(data)} bytes, the tensors {end}"
    return tensors, metadata


def write(path, tensors, metadata):
    header, chunks, offset = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        raw = t.contiguous().reshape(-1).view(torch.uint8).numpy().tobytes() if t.numel() else b""
        header[name] = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    # Keys sorted by name, data in insertion order: readers must follow the offsets.
    text = json.dumps(dict(sorted(header.items())), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in chunks:
            f.write(raw)


def expected_tensor(spec):
    dtype = DTYPES[spec["dtype"]]
    values = spec["values"]
    if dtype.is_floating_point:
        t = torch.tensor(values, dtype=torch.float64)
    else:
        t = torch.tensor(values, dtype=torch.int64)
    return t.to(dtype).reshape(spec["shape"])


def expected_from_formula():
    """The tensors `write` produces; CourseKit's test computes the same values."""
    k6 = torch.arange(6)
    return {
        "z_f64": (k6.to(torch.float64) / 8 - 0.25).reshape(2, 3),
        "y_f32": (k6.to(torch.float32) * 0.5 - 1).reshape(3, 2),
        "x_f16": (k6.to(torch.float16) * 0.25 - 0.5),
        "w_bf16": (k6.to(torch.bfloat16) * 2 - 3).reshape(2, 1, 3),
        "v_i64": (k6 * 1000000007 - 3).reshape(6, 1),
        "u_i32": (k6.to(torch.int32) * 7 - 20),
        "t_i16": (k6.to(torch.int16) * 300 - 900),
        "s_i8": (k6.to(torch.int8) * 20 - 60),
        "r_u8": (k6 * 50).to(torch.uint8),
        "q_bool": (k6 % 3 == 0).reshape(3, 2),
        "p_scalar": torch.tensor(2.5, dtype=torch.float32),
        "o_empty": torch.zeros(0, 4, dtype=torch.float32),
    }


def check(path, expected_path):
    tensors, metadata = read(path)
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    problems = []
    if metadata != expected["metadata"]:
        problems.append(f"metadata {metadata!r} != {expected['metadata']!r}")
    if set(tensors) != set(expected["tensors"]):
        problems.append(f"names {sorted(tensors)} != {sorted(expected['tensors'])}")
    for name, spec in expected["tensors"].items():
        if name not in tensors:
            continue
        got, want = tensors[name], expected_tensor(spec)
        if got.dtype != want.dtype or got.shape != want.shape or not torch.equal(got, want):
            problems.append(f"{name}: got {got.dtype} {list(got.shape)} {got.tolist()}, "
                            f"expected {want.dtype} {list(want.shape)} {want.tolist()}")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "check":
        return check(argv[2], argv[3])
    if len(argv) == 3 and argv[1] == "write":
        write(argv[2], expected_from_formula(), {"writer": "read_safetensors.py", "note": "Grüße"})
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
