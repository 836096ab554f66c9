"""CBOR (RFC 8949) for the bench scripts: what JSON-like values need, no more.

The machine's Python has no CBOR library (cbor2 is not among the wheels it can install), so this is
the part of one the benches use: encode() writes dicts, lists, str, int, float (always 8 bytes),
bool and None; decode() reads them back, and also half and single floats, tags and the indefinite
lengths, which a producer may use. numpy arrays are written as nested lists.
"""
import struct

import numpy as np


def _head(major, length, out):
    if length < 24:
        out.append(major << 5 | length)
    elif length < 1 << 8:
        out += bytes((major << 5 | 24, length))
    elif length < 1 << 16:
        out.append(major << 5 | 25)
        out += struct.pack(">H", length)
    elif length < 1 << 32:
        out.append(major << 5 | 26)
        out += struct.pack(">I", length)
    else:
        out.append(major << 5 | 27)
        out += struct.pack(">Q", length)


def _float_rows(values, out):
    """A float64 numpy array of one or two dimensions, as CBOR arrays of 8-byte floats."""
    if values.ndim == 1:
        _head(4, len(values), out)
        cells = np.empty((len(values), 9), dtype=np.uint8)
        cells[:, 0] = 0xFB
        cells[:, 1:] = values.astype(">f8").view(np.uint8).reshape(-1, 8)
        out += cells.tobytes()
        return
    _head(4, len(values), out)
    for row in values:
        _float_rows(row, out)


def encode(value, out=None):
    out = bytearray() if out is None else out
    if value is None:
        out.append(0xF6)
    elif value is True:
        out.append(0xF5)
    elif value is False:
        out.append(0xF4)
    elif isinstance(value, int):
        if value >= 0:
            _head(0, value, out)
        else:
            _head(1, -1 - value, out)
    elif isinstance(value, float):
        out.append(0xFB)
        out += struct.pack(">d", value)
    elif isinstance(value, str):
        data = value.encode()
        _head(3, len(data), out)
        out += data
    elif isinstance(value, np.ndarray) and value.dtype == np.float64 and value.ndim in (1, 2):
        _float_rows(value, out)
    elif isinstance(value, (list, tuple, np.ndarray)):
        _head(4, len(value), out)
        for item in value:
            encode(item.item() if isinstance(item, np.generic) else item, out)
    elif isinstance(value, dict):
        _head(5, len(value), out)
        for key, item in value.items():
            encode(key, out)
            encode(item, out)
    else:
        raise TypeError(f"cannot write {type(value).__name__} as CBOR")
    return bytes(out)


_BREAK = object()


def decode(data):
    value, at = _item(memoryview(data), 0)
    if at != len(data):
        raise ValueError(f"{len(data) - at} bytes after the CBOR value")
    return value


def _length(data, at, info):
    if info < 24:
        return info, at
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        return None, at  # indefinite (31), or reserved
    return int.from_bytes(data[at:at + size], "big"), at + size


def _item(data, at):
    initial = data[at]
    at += 1
    major, info = initial >> 5, initial & 31
    if major == 7:
        if info == 27:
            return struct.unpack_from(">d", data, at)[0], at + 8
        if info == 26:
            return struct.unpack_from(">f", data, at)[0], at + 4
        if info == 25:
            return struct.unpack_from(">e", data, at)[0], at + 2
        simple = {20: False, 21: True, 22: None, 23: None, 31: _BREAK}
        if info in simple:
            return simple[info], at
        raise ValueError(f"simple value {info} at byte {at - 1}")
    length, at = _length(data, at, info)
    if major == 0:
        return length, at
    if major == 1:
        return -1 - length, at
    if major in (2, 3):
        if length is None:
            parts = []
            while data[at] != 0xFF:
                part, at = _item(data, at)
                parts.append(part)
            return (b"" if major == 2 else "").join(parts), at + 1
        raw = bytes(data[at:at + length])
        return (raw if major == 2 else raw.decode()), at + length
    if major == 4:
        items = []
        while length is None or len(items) < length:
            item, at = _item(data, at)
            if item is _BREAK:
                break
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        while length is None or len(mapping) < length:
            key, at = _item(data, at)
            if key is _BREAK:
                break
            mapping[key], at = _item(data, at)
        return mapping, at
    if major == 6:
        return _item(data, at)  # a tag: its value
    raise ValueError(f"major type {major} at byte {at - 1}")
