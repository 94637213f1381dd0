#!/usr/bin/python3
"""Writes examples/small_cnn_test_data/: a seeded input and the output of
examples/small_cnn.onnx computed here with numpy, straight from the ONNX
definitions of its operators (float64, then rounded to float32), as an
ONNX test data set (input_0.pb, output_0.pb) for `aidge-export --test-data`.

Run with /usr/bin/python3 (it has onnx and numpy).
"""
import os

import numpy as np
import onnx
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def conv(x, w, b, pads, group=1):
    n, c, h, wd = x.shape
    m, cg, kh, kw = w.shape
    x = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    oh, ow = x.shape[2] - kh + 1, x.shape[3] - kw + 1
    out = np.zeros((n, m, oh, ow))
    per = m // group
    for o in range(m):
        g = o // per
        for i in range(kh):
            for j in range(kw):
                patch = x[:, g * cg:(g + 1) * cg, i:i + oh, j:j + ow]
                out[:, o] += np.einsum("nchw,c->nhw", patch, w[o, :, i, j])
        out[:, o] += b[o]
    return out


def maxpool2(x):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).max(axis=(3, 5))


def main():
    model = onnx.load(os.path.join(HERE, "small_cnn.onnx"))
    p = {t.name: numpy_helper.to_array(t).astype(np.float64) for t in model.graph.initializer}
    nodes = {n.name: n for n in model.graph.node}
    x = np.random.default_rng(7).standard_normal((1, 3, 32, 32)).astype(np.float32)
    y = x.astype(np.float64)
    conv1 = nodes["conv1"].input
    y = conv(y, p[conv1[1]], p[conv1[2]], [1, 1, 1, 1])
    bn = nodes["bn1"]
    scale, bias, mean, var = (p[name] for name in bn.input[1:])
    eps = next(a.f for a in bn.attribute if a.name == "epsilon")
    y = (y - mean[:, None, None]) / np.sqrt(var[:, None, None] + eps) * scale[:, None, None] + bias[:, None, None]
    y = maxpool2(np.maximum(y, 0))
    conv2 = nodes["conv2"].input
    y = maxpool2(np.maximum(conv(y, p[conv2[1]], p[conv2[2]], [1, 1, 1, 1]), 0))
    conv3 = nodes["conv3"].input
    y = np.maximum(conv(y, p[conv3[1]], p[conv3[2]], [1, 1, 1, 1], group=16), 0)
    y = y.mean(axis=(2, 3))
    fc = nodes["fc"].input
    y = y @ p[fc[1]].T + p[fc[2]]
    y = np.exp(y - y.max(axis=1, keepdims=True))
    y = y / y.sum(axis=1, keepdims=True)
    out = os.path.join(HERE, "small_cnn_test_data")
    os.makedirs(out, exist_ok=True)
    for name, array in (("input_0", x), ("output_0", y.astype(np.float32))):
        tensor = numpy_helper.from_array(array, name="input" if name == "input_0" else "output")
        with open(os.path.join(out, name + ".pb"), "wb") as f:
            f.write(tensor.SerializeToString())
    print("top-1:", int(y.argmax()), "scores:", np.round(y, 4).tolist())


if __name__ == "__main__":
    main()
