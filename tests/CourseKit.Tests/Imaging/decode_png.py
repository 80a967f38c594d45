"""Independent PNG reader used by the CourseKit tests (standard library only: zlib, struct).

Written from the PNG specification (3rd edition): signature, chunks with CRC-32, IHDR,
concatenated IDAT, zlib inflate, the five scanline filters. Handles 8-bit, non-interlaced
gray (0), RGB (2), gray+alpha (4) and RGBA (6).

usage: decode_png.py INPUT.png OUTPUT.raw
OUTPUT.raw receives width, height, channels as three big-endian uint32, then the pixels
row by row (channels interleaved). Prints the chunk types in order on stdout.
"""
import struct
import sys
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


def chunks(data):
    if data[:8] != SIGNATURE:
        raise ValueError("bad signature")
    pos = 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError("bad CRC in " + kind.decode("ascii"))
        yield kind.decode("ascii"), body
        pos += 12 + length
        if kind == b"IEND":
            return
    raise ValueError("no IEND")


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(data):
    kinds, idat, header = [], b"", None
    for kind, body in chunks(data):
        kinds.append(kind)
        if kind == "IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == "IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace != 0:
        raise ValueError("unsupported: depth %d colour %d interlace %d" % (depth, colour, interlace))
    bpp = CHANNELS[colour]
    stride = width * bpp
    raw = zlib.decompress(idat)
    if len(raw) != height * (stride + 1):
        raise ValueError("image data has %d bytes, expected %d" % (len(raw), height * (stride + 1)))
    out = bytearray()
    prior = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b = prior[i]
            c = prior[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + a) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + b) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                row[i] = (row[i] + paeth(a, b, c)) & 0xFF
            elif kind != 0:
                raise ValueError("filter type %d in row %d" % (kind, y))
        out += row
        prior = row
    return kinds, width, height, bpp, bytes(out)


def main():
    with open(sys.argv[1], "rb") as f:
        kinds, width, height, channels, pixels = decode(f.read())
    with open(sys.argv[2], "wb") as f:
        f.write(struct.pack(">III", width, height, channels) + pixels)
    print(" ".join(kinds))


if __name__ == "__main__":
    main()
