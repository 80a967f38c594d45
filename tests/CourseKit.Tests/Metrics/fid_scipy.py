"""FID computed independently of CourseKit, with NumPy and SciPy, as the reference for FidScipyTests.

usage: fid_scipy.py FEATURES1 FEATURES2 D
Each FEATURES file holds float64 little-endian values, row-major, D per row. Prints the FID with 17
significant digits. The matrix square root is scipy.linalg.sqrtm (a Schur-method square root of the
non-symmetric product Sigma1 Sigma2), i.e. a different algorithm from CourseKit's eigendecompositions.
"""
import sys

import numpy as np
import scipy.linalg


def gaussian(path, d):
    x = np.fromfile(path, dtype="<f8").reshape(-1, d)
    return x.mean(axis=0), np.cov(x, rowvar=False)  # unbiased covariance (N - 1)


def frechet(mu1, s1, mu2, s2):
    root, _ = scipy.linalg.sqrtm(s1 @ s2, disp=False)
    if not np.isfinite(root).all():
        # A singular product: shift both covariances by a small multiple of the identity.
        offset = np.eye(s1.shape[0]) * 1e-10
        root = scipy.linalg.sqrtm((s1 + offset) @ (s2 + offset))
    root = np.real(root)  # rounding leaves imaginary parts of order 1e-10 at most
    diff = mu1 - mu2
    return diff @ diff + np.trace(s1) + np.trace(s2) - 2.0 * np.trace(root)


def main():
    d = int(sys.argv[3])
    mu1, s1 = gaussian(sys.argv[1], d)
    mu2, s2 = gaussian(sys.argv[2], d)
    print(repr(float(frechet(mu1, s1, mu2, s2))))


if __name__ == "__main__":
    main()
